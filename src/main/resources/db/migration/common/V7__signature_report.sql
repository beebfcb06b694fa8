-- The signature report of a signed CTA (cta/SignatureReport as JSON), stored with the document it
-- describes; null for the issued CTA and for copies uploaded before signatures were verified.
alter table document add column signature_report text;
