/** The offboarding request: the reseller API, the application's record of each offboarding and its repository. */
package com.ingrammicro.masterpayer.offboarding;
