package com.ingrammicro.masterpayer.cta;

/** The documents of an offboarding. */
enum DocumentKind {
  /** The CTA as Ingram Micro issued it, once per offboarding. */
  CTA_ISSUED,
  /** A copy signed by the reseller; a re-signature adds another. */
  CTA_SIGNED
}
