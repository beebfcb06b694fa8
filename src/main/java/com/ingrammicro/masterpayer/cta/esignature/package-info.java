/**
 * E-signature of the CTA through DocuSign's eSignature REST API v2.1: the envelope sent when the
 * CTA is issued, and DocuSign Connect's notifications of its outcome. Internal to the cta module.
 */
package com.ingrammicro.masterpayer.cta.esignature;
