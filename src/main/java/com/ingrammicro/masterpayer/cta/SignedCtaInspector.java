package com.ingrammicro.masterpayer.cta;

import com.ingrammicro.masterpayer.system.Problems;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Checks that an upload really is a readable PDF (not just a file called one) and reads what the
 * countersigner needs to know: pages and digital signatures. The upload comes from outside and is
 * opened by people, so it is read with bounded memory, time, pages, nesting and decompressed size
 * (a looping page tree, a tree thousands of levels deep or a deflate bomb is refused, quickly), and
 * a PDF that carries active content (JavaScript, launch actions, embedded files) is refused with
 * 422 and the reason.
 */
final class SignedCtaInspector {

  record Inspection(int pageCount, int signatureCount) {}

  static final int MAX_PAGES = 500;
  static final int MAX_PAGE_TREE_DEPTH = 32;
  static final int MAX_NESTING = 64;
  static final int MAX_OBJECTS = 200_000;
  static final long MAX_DECODED_BYTES = 64L * 1024 * 1024;

  /**
   * PDFBox's buffers for parsing (object streams, xref streams) are capped, whatever the file
   * claims.
   */
  private static final long MAX_PARSER_MEMORY = 64L * 1024 * 1024;

  static final long TIME_BUDGET_NANOS = 5_000_000_000L;

  private static final COSName LAUNCH = COSName.getPDFName("Launch");
  private static final COSName FILE_ATTACHMENT = COSName.getPDFName("FileAttachment");
  private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

  private SignedCtaInspector() {}

  /** A PDF opened after the checks passed; its document is the caller's to close. */
  record Opened(PDDocument document, Inspection inspection) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      document.close();
    }
  }

  static Inspection inspect(byte[] content) {
    try (Opened opened = open(content, System.nanoTime() + TIME_BUDGET_NANOS)) {
      return opened.inspection();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Opens {@code content} with bounded memory, checks it as {@link #inspect(byte[])} does, by
   * {@code deadline} ({@link System#nanoTime()}), and hands the open document over.
   */
  static Opened open(byte[] content, long deadline) {
    if (content.length < PDF_MAGIC.length
        || !Arrays.equals(content, 0, PDF_MAGIC.length, PDF_MAGIC, 0, PDF_MAGIC.length)) {
      throw notAPdf("The upload does not start like a PDF file.");
    }
    PDDocument pdf = null;
    try {
      pdf =
          Loader.loadPDF(
              content,
              "",
              null,
              null,
              MemoryUsageSetting.setupMainMemoryOnly(MAX_PARSER_MEMORY).streamCache);
      int pages =
          countPages(
              pdf.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PAGES), deadline);
      if (pages == 0) {
        throw notAPdf("The PDF has no pages.");
      }
      new ContentScan(deadline).scan(pdf.getDocument());
      Opened opened = new Opened(pdf, new Inspection(pages, pdf.getSignatureDictionaries().size()));
      pdf = null;
      return opened;
    } catch (InvalidPasswordException e) {
      throw notAPdf("The PDF is password-protected; upload it without an open password.");
    } catch (IOException e) {
      throw notAPdf("The PDF cannot be read: " + e.getMessage());
    } catch (StackOverflowError e) {
      throw unsafe("its objects are nested too deeply to be read");
    } finally {
      closeQuietly(pdf);
    }
  }

  private static void closeQuietly(PDDocument pdf) {
    if (pdf != null) {
      try {
        pdf.close();
      } catch (IOException ignored) {
        // only memory buffers to release
      }
    }
  }

  /**
   * Walks the page tree without recursion, each node once: a loop or a very deep tree is refused,
   * not followed.
   */
  private static int countPages(COSDictionary root, long deadline) {
    if (root == null) {
      return 0;
    }
    record Node(COSDictionary dictionary, int depth) {}
    Set<COSDictionary> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Node> pending = new ArrayDeque<>();
    pending.push(new Node(root, 1));
    int pages = 0;
    while (!pending.isEmpty()) {
      checkTime(deadline);
      Node node = pending.pop();
      if (!seen.add(node.dictionary())) {
        throw unsafe("its page tree contains a loop");
      }
      if (node.depth() > MAX_PAGE_TREE_DEPTH) {
        throw unsafe("its page tree is more than " + MAX_PAGE_TREE_DEPTH + " levels deep");
      }
      COSArray kids = node.dictionary().getCOSArray(COSName.KIDS);
      if (kids == null) {
        if (++pages > MAX_PAGES) {
          throw unsafe("it has more than " + MAX_PAGES + " pages");
        }
        continue;
      }
      for (int i = 0; i < kids.size(); i++) {
        if (kids.getObject(i) instanceof COSDictionary kid) {
          pending.push(new Node(kid, node.depth() + 1));
        }
      }
    }
    return pages;
  }

  /**
   * Looks at every object of the file once (each indirect object from the cross-reference table,
   * and the direct objects inside it without following references), for active content and for
   * streams that decompress to more than the budget.
   */
  private static final class ContentScan {
    private final long deadline;
    private long objects;
    private long decodedBytes;

    ContentScan(long deadline) {
      this.deadline = deadline;
    }

    void scan(COSDocument document) throws IOException {
      inspect(document.getTrailer());
      for (COSObjectKey key : document.getXrefTable().keySet()) {
        COSBase object = document.getObjectFromPool(key).getObject();
        // PDFBox gives up on an object nested beyond its parser's limit and reads it as nothing;
        // a document that is partly unreadable is not evidence anyone should sign off
        if (object == null || object instanceof COSNull) {
          throw unsafe(
              "object " + key.getNumber() + " cannot be read (nested too deeply, or damaged)");
        }
        inspect(object);
      }
    }

    private void inspect(COSBase root) throws IOException {
      record Nested(COSBase value, int depth) {}
      Deque<Nested> pending = new ArrayDeque<>();
      pending.push(new Nested(root, 1));
      while (!pending.isEmpty()) {
        checkTime(deadline);
        Nested nested = pending.pop();
        if (nested.depth() > MAX_NESTING) {
          throw unsafe("its objects are nested more than " + MAX_NESTING + " levels deep");
        }
        if (++objects > MAX_OBJECTS) {
          throw unsafe("it has more than " + MAX_OBJECTS + " objects");
        }
        if (nested.value() instanceof COSDictionary dictionary) {
          refuseActiveContent(dictionary);
          if (dictionary instanceof COSStream stream) {
            countDecoded(stream);
          }
          for (COSBase value : dictionary.getValues()) {
            pending.push(new Nested(value, nested.depth() + 1));
          }
        } else if (nested.value() instanceof COSArray array) {
          for (int i = 0; i < array.size(); i++) {
            pending.push(new Nested(array.get(i), nested.depth() + 1));
          }
        }
        // a COSObject is a reference: its object is scanned from the cross-reference table
      }
    }

    private static void refuseActiveContent(COSDictionary dictionary) {
      COSName action = dictionary.getCOSName(COSName.S);
      if (COSName.JAVA_SCRIPT.equals(action)
          || dictionary.containsKey(COSName.JS)
          || dictionary.containsKey(COSName.JAVA_SCRIPT)) {
        throw unsafe("it contains JavaScript");
      }
      if (LAUNCH.equals(action)) {
        throw unsafe("it contains a launch action, which starts a program");
      }
      if (dictionary.containsKey(COSName.EMBEDDED_FILES)
          || dictionary.containsKey(COSName.EF)
          || FILE_ATTACHMENT.equals(dictionary.getCOSName(COSName.SUBTYPE))) {
        throw unsafe("it contains embedded files");
      }
    }

    /**
     * Decompresses without keeping the result, so a bomb costs a bounded amount of memory and time.
     */
    private void countDecoded(COSStream stream) throws IOException {
      COSBase filters = stream.getFilters();
      if (COSName.FLATE_DECODE.equals(filters)
          || COSName.FLATE_DECODE_ABBREVIATION.equals(filters)) {
        inflate(stream);
        return;
      }
      try (InputStream decoded = stream.createInputStream()) {
        byte[] buffer = new byte[64 * 1024];
        for (int read; (read = decoded.read(buffer)) != -1; ) {
          addDecoded(read);
        }
      }
    }

    private void inflate(COSStream stream) throws IOException {
      Inflater inflater = new Inflater();
      try (InputStream raw = stream.createRawInputStream()) {
        byte[] input = new byte[16 * 1024];
        byte[] output = new byte[64 * 1024];
        for (int read; !inflater.finished() && (read = raw.read(input)) != -1; ) {
          inflater.setInput(input, 0, read);
          while (!inflater.finished() && !inflater.needsInput()) {
            int inflated = inflater.inflate(output);
            addDecoded(inflated);
            if (inflated == 0 && (inflater.needsDictionary() || inflater.needsInput())) {
              break;
            }
          }
        }
      } catch (DataFormatException corrupt) {
        // a damaged stream decodes to nothing more; readers show what they can, as for any damaged
        // PDF
      } finally {
        inflater.end();
      }
    }

    private void addDecoded(int bytes) {
      decodedBytes += bytes;
      if (decodedBytes > MAX_DECODED_BYTES) {
        throw unsafe(
            "its content decompresses to more than " + MAX_DECODED_BYTES / (1024 * 1024) + " MB");
      }
      checkTime(deadline);
    }
  }

  static void checkTime(long deadline) {
    if (System.nanoTime() > deadline) {
      throw unsafe("it takes too long to read");
    }
  }

  private static ErrorResponseException notAPdf(String detail) {
    return Problems.problem(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE, "not-a-pdf", "Not a readable PDF", detail);
  }

  static ErrorResponseException unsafe(String reason) {
    return Problems.problem(
        HttpStatus.UNPROCESSABLE_ENTITY,
        "unsafe-pdf",
        "PDF refused",
        "The signed CTA is refused because "
            + reason
            + ". Upload a plain PDF of the signed document.");
  }
}
