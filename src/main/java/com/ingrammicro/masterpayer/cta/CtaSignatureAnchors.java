package com.ingrammicro.masterpayer.cta;

/**
 * The text that starts each signing party's signature line in the issued CTA, once in the document,
 * on which an e-signature provider places that party's signature field.
 */
public final class CtaSignatureAnchors {

  public static final String ASSIGNOR = CtaPdf.signatureAnchor(CtaPdf.ASSIGNOR);
  public static final String ASSIGNEE = CtaPdf.signatureAnchor(CtaPdf.ASSIGNEE);

  private CtaSignatureAnchors() {}
}
