/** The Consent to Assignment: the document issued to the reseller, the signed copy it returns, and their evidence (SHA-256). */
package com.ingrammicro.masterpayer.cta;
