/** Mail to the parties of an offboarding: templates, recipients, sending over SMTP (or to a drop folder locally), and a record of every mail sent. */
package com.ingrammicro.masterpayer.notification;
