package com.ingrammicro.masterpayer.cta;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.junit.jupiter.api.Test;

/**
 * A /ByteRange is sound only as signing tools write it: from the start of the file, two ranges
 * around exactly this dictionary's /Contents hex string, within the file, ending a revision.
 */
class SignedRangeTest {

  // offsets:       0         1         2         3
  //                0123456789012345678901234567890123456789
  static final String FILE = "%PDF-1.7 head <0a0b0c00> tail\n%%EOF\n";
  static final int GAP_START = FILE.indexOf('<');
  static final int GAP_END = FILE.indexOf('>') + 1;
  static final byte[] BYTES = FILE.getBytes(StandardCharsets.US_ASCII);

  @Test
  void aRangeAroundItsOwnContentsToTheEndOfARevisionIsSound() {
    SignedRange range =
        SignedRange.of(signature(0, GAP_START, GAP_END, BYTES.length - GAP_END), BYTES);

    assertThat(range.problems()).isEmpty();
    assertThat(range.end()).isEqualTo(BYTES.length);
    assertThat(new String(range.signedContent(BYTES), StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-1.7 head  tail\n%%EOF\n");
  }

  @Test
  void unsoundRangesAreNamed() {
    int tail = BYTES.length - GAP_END;
    assertProblem(signature(1, GAP_START - 1, GAP_END, tail), "does not start at the beginning");
    assertProblem(signature(0, GAP_START, GAP_START - 2, tail), "overlap");
    assertProblem(signature(0, GAP_START, GAP_END, tail + 1), "beyond the end of the file");
    assertProblem(signature(0, GAP_START + 1, GAP_END, tail), "not exactly a hex string");
    assertProblem(signature(0, GAP_START, GAP_END, tail - 2), "does not end where a revision");
    COSDictionary other = signature(0, GAP_START, GAP_END, tail);
    other.setItem(COSName.CONTENTS, new COSString(new byte[] {1, 2, 3, 4}));
    assertProblem(other, "not the /Contents of its own signature dictionary");
    COSDictionary three = signature(0, GAP_START, GAP_END, tail);
    three.setItem(COSName.BYTERANGE, integers(0, 1, 2));
    assertProblem(three, "not two ranges");
  }

  private static void assertProblem(COSDictionary signature, String problem) {
    assertThat(SignedRange.of(signature, BYTES).problems())
        .singleElement()
        .satisfies(found -> assertThat(found).contains(problem));
  }

  private static COSArray integers(long... values) {
    COSArray array = new COSArray();
    for (long value : values) {
      array.add(COSInteger.get(value));
    }
    return array;
  }

  private static COSDictionary signature(
      long start, long firstLength, long secondStart, long secondLength) {
    COSDictionary signature = new COSDictionary();
    signature.setItem(COSName.BYTERANGE, integers(start, firstLength, secondStart, secondLength));
    signature.setItem(COSName.CONTENTS, new COSString(new byte[] {0x0a, 0x0b, 0x0c, 0x00}));
    return signature;
  }
}
