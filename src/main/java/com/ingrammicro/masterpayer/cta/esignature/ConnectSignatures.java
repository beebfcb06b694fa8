package com.ingrammicro.masterpayer.cta.esignature;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * DocuSign Connect's HMAC: each {@code X-DocuSign-Signature-N} header is the Base64 of
 * HMAC-SHA256(key, the raw body), one per key of the Connect configuration. A notification is
 * genuine when any header matches any configured key (DocuSign allows several keys, for rotation).
 * Compared in constant time, so the answer's timing tells nothing about how close a forgery came.
 */
final class ConnectSignatures {

  private static final Pattern HEADER =
      Pattern.compile("x-docusign-signature-[1-9][0-9]?", Pattern.CASE_INSENSITIVE);

  private final List<SecretKeySpec> keys;

  ConnectSignatures(List<String> secrets) {
    this.keys =
        secrets.stream()
            .map(secret -> new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
            .toList();
  }

  /** The signature headers' values, in any order. */
  static List<String> of(HttpServletRequest request) {
    List<String> signatures = new ArrayList<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      if (HEADER.matcher(name.toLowerCase(Locale.ROOT)).matches()) {
        Collections.list(request.getHeaders(name)).forEach(signatures::add);
      }
    }
    return signatures;
  }

  boolean genuine(byte[] body, List<String> signatures) {
    List<byte[]> given = new ArrayList<>();
    for (String signature : signatures) {
      try {
        given.add(Base64.getDecoder().decode(signature.strip()));
      } catch (IllegalArgumentException notBase64) {
        // no key produces it
      }
    }
    boolean genuine = false;
    for (SecretKeySpec key : keys) {
      byte[] expected = hmac(key, body);
      for (byte[] signature : given) {
        genuine |= MessageDigest.isEqual(expected, signature);
      }
    }
    return genuine;
  }

  static byte[] hmac(SecretKeySpec key, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
