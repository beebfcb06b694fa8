package com.ingrammicro.masterpayer.cta;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;

/**
 * The bytes a signature covers, read from the file itself with the signature dictionary's {@code
 * /ByteRange}, which must be sound: two ranges, the first from the start of the file, the gap
 * between them exactly the {@code /Contents} hex string of this dictionary, within the file, and
 * ending where a revision ends ({@code %%EOF}). Anything else would let a signature vouch for bytes
 * other than those a reader shows.
 *
 * @param end where the second range ends: the end of the signed revision; -1 when unsound
 * @param signatureValue the decoded {@code /Contents}, the CMS structure with its zero padding
 * @param problems why the byte range is not sound, as sentences; empty when it is
 */
record SignedRange(
    long firstLength, long secondStart, long end, byte[] signatureValue, List<String> problems) {

  private static final byte[] EOF_MARKER = "%%EOF".getBytes(StandardCharsets.US_ASCII);

  boolean sound() {
    return problems.isEmpty();
  }

  /** The covered bytes: the file without the gap. */
  byte[] signedContent(byte[] file) {
    byte[] content = new byte[(int) (firstLength + end - secondStart)];
    System.arraycopy(file, 0, content, 0, (int) firstLength);
    System.arraycopy(
        file, (int) secondStart, content, (int) firstLength, (int) (end - secondStart));
    return content;
  }

  static SignedRange of(COSDictionary signature, byte[] file) {
    List<String> problems = new ArrayList<>();
    COSBase value = signature.getDictionaryObject(COSName.BYTERANGE);
    long[] range = numbers(value);
    if (range == null) {
      return unsound("its /ByteRange is not two ranges (four integers)");
    }
    long start = range[0];
    long firstLength = range[1];
    long secondStart = range[2];
    long secondLength = range[3];
    if (start != 0) {
      return unsound("its /ByteRange does not start at the beginning of the file");
    }
    if (firstLength < 0 || secondStart < 0 || secondLength < 0) {
      return unsound("its /ByteRange has a negative offset or length");
    }
    if (secondStart < firstLength) {
      return unsound("the two ranges of its /ByteRange overlap");
    }
    long end = secondStart + secondLength;
    if (end > file.length) {
      return unsound("its /ByteRange reaches beyond the end of the file");
    }
    byte[] hex = hexString(file, firstLength, secondStart);
    if (hex == null) {
      return unsound("the gap in its /ByteRange is not exactly a hex string (the signature value)");
    }
    byte[] signatureValue = HexFormat.of().parseHex(new String(hex, StandardCharsets.US_ASCII));
    if (!(signature.getDictionaryObject(COSName.CONTENTS) instanceof COSString contents)
        || !Arrays.equals(contents.getBytes(), signatureValue)) {
      return unsound(
          "the gap in its /ByteRange is not the /Contents of its own signature dictionary");
    }
    if (!endsRevision(file, end)) {
      problems.add(
          "its /ByteRange does not end where a revision of the document ends (%%EOF), so the"
              + " signed bytes are not a complete document");
    }
    return new SignedRange(firstLength, secondStart, end, signatureValue, problems);
  }

  private static SignedRange unsound(String problem) {
    return new SignedRange(0, 0, -1, new byte[0], List.of(problem));
  }

  private static long[] numbers(COSBase value) {
    if (!(value instanceof COSArray array) || array.size() != 4) {
      return null;
    }
    long[] numbers = new long[4];
    for (int i = 0; i < 4; i++) {
      if (!(array.getObject(i) instanceof COSInteger integer)) {
        return null;
      }
      numbers[i] = integer.longValue();
    }
    return numbers;
  }

  /** The hex digits between {@code <} at {@code from} and {@code >} just before {@code to}. */
  private static byte[] hexString(byte[] file, long from, long to) {
    if (to - from < 2 || file[(int) from] != '<' || file[(int) to - 1] != '>') {
      return null;
    }
    byte[] digits = Arrays.copyOfRange(file, (int) from + 1, (int) to - 1);
    if (digits.length % 2 != 0) {
      return null;
    }
    for (byte digit : digits) {
      if (Character.digit(digit, 16) < 0) {
        return null;
      }
    }
    return digits;
  }

  /** The signed bytes end with {@code %%EOF} and at most an end of line after it. */
  private static boolean endsRevision(byte[] file, long end) {
    int last = (int) end;
    while (last > 0 && (file[last - 1] == '\n' || file[last - 1] == '\r')) {
      last--;
    }
    return last >= EOF_MARKER.length
        && Arrays.equals(file, last - EOF_MARKER.length, last, EOF_MARKER, 0, EOF_MARKER.length);
  }
}
