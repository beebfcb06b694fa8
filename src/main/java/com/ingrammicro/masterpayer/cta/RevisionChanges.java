package com.ingrammicro.masterpayer.cta;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * What a later revision of a PDF changes compared with an earlier one, beyond what signing and
 * validation data may add. Both revisions are whole documents as PDFBox reads them (the earlier one
 * from a prefix of the file); every object of the earlier revision is compared with the object of
 * the same number in the later one, value by value (references by their object number, streams by
 * their raw bytes), so an object rewritten in an update is found whatever the update's
 * cross-reference section claims.
 *
 * <p>Allowed after a signature: a signature field with its widget and signature dictionary (new
 * objects, the page's {@code /Annots}, the form's {@code /Fields}, {@code /SigFlags}, {@code /DR},
 * {@code /DA}, the catalog's {@code /AcroForm}), a value for an empty signature field, validation
 * data (the catalog's {@code /DSS} and everything under it, document timestamps, the catalog's
 * {@code /Extensions}). Anything else is named: a page added or removed, a page's content changed,
 * an annotation or form field added, removed or changed, the catalog, document information or
 * metadata changed, any other object changed.
 */
final class RevisionChanges {

  private static final COSName DSS = COSName.DSS;
  private static final Set<COSName> CATALOG_MAY_CHANGE =
      Set.of(COSName.ACRO_FORM, DSS, COSName.getPDFName("Extensions"));
  private static final Set<COSName> FORM_MAY_CHANGE =
      Set.of(COSName.FIELDS, COSName.SIG_FLAGS, COSName.DR, COSName.DA);
  private static final COSName OBJ_STM = COSName.OBJ_STM;
  private static final COSName XREF = COSName.XREF;
  private static final int MAX_FIELD_DEPTH = 16;

  private final PDDocument earlier;
  private final PDDocument later;
  private final String when;
  private final LongSupplier clock;
  private final long deadline;
  private final Set<String> changes = new LinkedHashSet<>();

  private final Map<COSObjectKey, Integer> laterPages = new HashMap<>();
  private final Map<COSObjectKey, Integer> pageContent = new HashMap<>();
  private final Map<COSObjectKey, Integer> pageAnnotations = new HashMap<>();
  private final Map<COSObjectKey, Integer> annotationPage = new HashMap<>();
  private final Set<COSObjectKey> validationData = new HashSet<>();
  private COSObjectKey catalog;
  private COSObjectKey info;
  private COSObjectKey form;
  private COSObjectKey fields;
  private COSObjectKey metadata;

  private RevisionChanges(
      PDDocument earlier, PDDocument later, String when, LongSupplier clock, long deadline) {
    this.earlier = earlier;
    this.later = later;
    this.when = when;
    this.clock = clock;
    this.deadline = deadline;
  }

  /**
   * The changes from {@code earlier} to {@code later}, each a sentence ending in {@code when}
   * ("after signature 1"), in a stable order; empty when the later revision only signs or adds
   * validation data.
   */
  static List<String> between(
      PDDocument earlier, PDDocument later, String when, LongSupplier clock, long deadline) {
    RevisionChanges comparison = new RevisionChanges(earlier, later, when, clock, deadline);
    comparison.compare();
    return List.copyOf(comparison.changes);
  }

  private void compare() {
    mapLater();
    comparePages();
    compareTrailer();
    COSDocument before = earlier.getDocument();
    COSDocument after = later.getDocument();
    List<COSObjectKey> keys = new ArrayList<>(after.getXrefTable().keySet());
    keys.sort(Comparator.naturalOrder());
    for (COSObjectKey key : keys) {
      checkTime();
      if (!before.getXrefTable().containsKey(key)) {
        continue; // a new object matters only through a changed object that refers to it
      }
      COSBase old = before.getObjectFromPool(key).getObject();
      COSBase now = after.getObjectFromPool(key).getObject();
      if (same(old, now) || structural(old) || validationData.contains(key)) {
        continue;
      }
      classify(key, old, now);
    }
  }

  // --- what the later revision's objects are ----------------------------------------------------

  private void mapLater() {
    COSDictionary trailer = later.getDocument().getTrailer();
    catalog = keyOf(trailer.getItem(COSName.ROOT));
    info = keyOf(trailer.getItem(COSName.INFO));
    COSDictionary root = later.getDocumentCatalog().getCOSObject();
    form = keyOf(root.getItem(COSName.ACRO_FORM));
    metadata = keyOf(root.getItem(COSName.METADATA));
    if (root.getDictionaryObject(COSName.ACRO_FORM) instanceof COSDictionary acroForm) {
      fields = keyOf(acroForm.getItem(COSName.FIELDS));
    }
    reach(root.getItem(DSS), validationData);
    List<COSObjectKey> pages = pageKeys(later);
    for (int i = 0; i < pages.size(); i++) {
      int number = i + 1;
      laterPages.put(pages.get(i), number);
      COSDictionary page = later.getPage(i).getCOSObject();
      Set<COSObjectKey> content = new HashSet<>();
      reach(page.getItem(COSName.CONTENTS), content);
      reach(page.getItem(COSName.RESOURCES), content);
      content.forEach(key -> pageContent.putIfAbsent(key, number));
      COSBase annotations = page.getItem(COSName.ANNOTS);
      COSObjectKey annotationsKey = keyOf(annotations);
      if (annotationsKey != null) {
        pageAnnotations.putIfAbsent(annotationsKey, number);
      }
      if (page.getDictionaryObject(COSName.ANNOTS) instanceof COSArray array) {
        for (int a = 0; a < array.size(); a++) {
          COSObjectKey annotation = keyOf(array.get(a));
          if (annotation != null) {
            annotationPage.putIfAbsent(annotation, number);
          }
        }
      }
    }
  }

  /** Every indirect object reachable from {@code start}, following references. */
  private void reach(COSBase start, Set<COSObjectKey> into) {
    Deque<COSBase> pending = new ArrayDeque<>();
    Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    if (start != null) {
      pending.push(start);
    }
    while (!pending.isEmpty()) {
      checkTime();
      COSBase value = pending.pop();
      if (value instanceof COSObject reference) {
        COSObjectKey key = reference.getKey();
        if (key == null || !into.add(key)) {
          continue;
        }
        value = reference.getObject();
        if (value == null) {
          continue;
        }
      }
      if (!seen.add(value)) {
        continue;
      }
      if (value instanceof COSDictionary dictionary) {
        dictionary.getValues().forEach(pending::push);
      } else if (value instanceof COSArray array) {
        for (int i = 0; i < array.size(); i++) {
          pending.push(array.get(i));
        }
      }
    }
  }

  // --- pages and trailer ---------------------------------------------------------------------

  private void comparePages() {
    int before = earlier.getNumberOfPages();
    int after = later.getNumberOfPages();
    if (after == before + 1) {
      changes.add("a page was added " + when);
    } else if (after > before) {
      changes.add((after - before) + " pages were added " + when);
    } else if (after == before - 1) {
      changes.add("a page was removed " + when);
    } else if (after < before) {
      changes.add((before - after) + " pages were removed " + when);
    }
    List<COSObjectKey> old = pageKeys(earlier);
    List<COSObjectKey> now = pageKeys(later);
    for (int i = 0; i < Math.min(old.size(), now.size()); i++) {
      if (!Objects.equals(old.get(i), now.get(i))) {
        changes.add("page " + (i + 1) + " was replaced " + when);
      }
    }
  }

  private void compareTrailer() {
    COSDictionary old = earlier.getDocument().getTrailer();
    COSDictionary now = later.getDocument().getTrailer();
    if (!Objects.equals(keyOf(old.getItem(COSName.ROOT)), catalog)) {
      changes.add("the document catalog was replaced " + when);
    }
    COSObjectKey oldInfo = keyOf(old.getItem(COSName.INFO));
    if (!Objects.equals(oldInfo, info)
        && !same(old.getDictionaryObject(COSName.INFO), now.getDictionaryObject(COSName.INFO))) {
      changes.add("the document information changed " + when);
    }
  }

  private static List<COSObjectKey> pageKeys(PDDocument document) {
    List<COSObjectKey> keys = new ArrayList<>();
    Map<COSBase, COSObjectKey> byObject = new IdentityHashMap<>();
    for (COSObjectKey key : document.getDocument().getXrefTable().keySet()) {
      COSBase object = document.getDocument().getObjectFromPool(key).getObject();
      if (object != null) {
        byObject.putIfAbsent(object, key);
      }
    }
    document.getPages().forEach(page -> keys.add(byObject.get(page.getCOSObject())));
    return keys;
  }

  // --- one changed object ----------------------------------------------------------------------

  private void classify(COSObjectKey key, COSBase old, COSBase now) {
    if (!(old instanceof COSDictionary before) || !(now instanceof COSDictionary after)) {
      if (old instanceof COSArray before && now instanceof COSArray after) {
        if (pageAnnotations.containsKey(key)) {
          annotations(before, after, pageAnnotations.get(key));
          return;
        }
        if (key.equals(fields)) {
          fields(before, after);
          return;
        }
      }
      changes.add(owner(key) + " changed " + when);
      return;
    }
    Set<COSName> differing = differing(before, after);
    if (key.equals(catalog)) {
      catalog(before, after, differing);
    } else if (key.equals(form)) {
      form(before, after, differing);
    } else if (laterPages.containsKey(key)) {
      page(before, after, differing, laterPages.get(key));
    } else if (isSignatureField(before)) {
      signatureField(before, differing);
    } else if (key.equals(info)) {
      changes.add("the document information changed " + when + " (" + names(differing) + ")");
    } else if (key.equals(metadata)) {
      changes.add("the document's metadata changed " + when);
    } else if (COSName.PAGES.equals(after.getCOSName(COSName.TYPE))) {
      Set<COSName> rest = new HashSet<>(differing);
      rest.removeAll(Set.of(COSName.KIDS, COSName.COUNT));
      if (!rest.isEmpty()) {
        changes.add("the page tree changed " + when + " (" + names(rest) + ")");
      }
      // added, removed or replaced pages are named by comparePages
    } else if (isSignatureDictionary(before)) {
      changes.add("the signature dictionary in object " + key.getNumber() + " changed " + when);
    } else if (before.containsKey(COSName.FT) || before.containsKey(COSName.T)) {
      changes.add("form field " + fieldName(before) + " changed " + when);
    } else if (annotationPage.containsKey(key)) {
      changes.add("an annotation on page " + annotationPage.get(key) + " changed " + when);
    } else {
      changes.add(owner(key) + " changed " + when);
    }
  }

  private void catalog(COSDictionary before, COSDictionary after, Set<COSName> differing) {
    Set<COSName> rest = new HashSet<>(differing);
    rest.removeAll(CATALOG_MAY_CHANGE);
    if (rest.remove(COSName.PAGES)) {
      changes.add("the page tree was replaced " + when);
    }
    if (!rest.isEmpty()) {
      changes.add("the document catalog changed " + when + " (" + names(rest) + ")");
    }
    if (differing.contains(COSName.ACRO_FORM)) {
      COSBase oldForm = before.getDictionaryObject(COSName.ACRO_FORM);
      COSBase newForm = after.getDictionaryObject(COSName.ACRO_FORM);
      if (newForm instanceof COSDictionary now) {
        COSDictionary was =
            oldForm instanceof COSDictionary dictionary ? dictionary : new COSDictionary();
        form(was, now, differing(was, now));
      } else if (oldForm != null) {
        changes.add("the form was removed " + when);
      }
    }
  }

  private void form(COSDictionary before, COSDictionary after, Set<COSName> differing) {
    Set<COSName> rest = new HashSet<>(differing);
    rest.removeAll(FORM_MAY_CHANGE);
    if (!rest.isEmpty()) {
      changes.add("the form's settings changed " + when + " (" + names(rest) + ")");
    }
    if (differing.contains(COSName.FIELDS)) {
      fields(
          array(before.getDictionaryObject(COSName.FIELDS)),
          array(after.getDictionaryObject(COSName.FIELDS)));
    }
  }

  private void fields(COSArray before, COSArray after) {
    for (COSBase removed : missingFrom(before, after)) {
      changes.add("form field " + fieldName(dictionary(removed)) + " was removed " + when);
    }
    for (COSBase added : missingFrom(after, before)) {
      COSDictionary field = dictionary(added);
      if (field == null || !isSignatureField(field)) {
        changes.add("form field " + fieldName(field) + " was added " + when);
      }
    }
  }

  private void page(COSDictionary before, COSDictionary after, Set<COSName> differing, int number) {
    Set<COSName> rest = new HashSet<>(differing);
    if (rest.remove(COSName.ANNOTS)) {
      annotations(
          array(before.getDictionaryObject(COSName.ANNOTS)),
          array(after.getDictionaryObject(COSName.ANNOTS)),
          number);
    }
    boolean content = rest.remove(COSName.CONTENTS) | rest.remove(COSName.RESOURCES);
    if (content) {
      changes.add("page " + number + "'s content changed " + when);
    }
    if (!rest.isEmpty()) {
      changes.add("page " + number + " changed " + when + " (" + names(rest) + ")");
    }
  }

  private void annotations(COSArray before, COSArray after, int page) {
    if (!missingFrom(before, after).isEmpty()) {
      changes.add("an annotation was removed from page " + page + " " + when);
    }
    for (COSBase added : missingFrom(after, before)) {
      COSDictionary annotation = dictionary(added);
      if (annotation == null || !isSignatureWidget(annotation)) {
        String subtype = annotation == null ? null : annotation.getNameAsString(COSName.SUBTYPE);
        changes.add(
            "an annotation"
                + (subtype == null ? "" : " (" + subtype + ")")
                + " was added to page "
                + page
                + " "
                + when);
      }
    }
  }

  /** A signature field may get its value when it had none, and an appearance for it. */
  private void signatureField(COSDictionary before, Set<COSName> differing) {
    Set<COSName> rest = new HashSet<>(differing);
    rest.remove(COSName.AP);
    rest.remove(COSName.AS);
    if (before.getItem(COSName.V) == null) {
      rest.remove(COSName.V);
    }
    if (!rest.isEmpty()) {
      changes.add(
          "signature field " + fieldName(before) + " changed " + when + " (" + names(rest) + ")");
    }
  }

  private String owner(COSObjectKey key) {
    if (pageContent.containsKey(key)) {
      return "page " + pageContent.get(key) + "'s content";
    }
    COSBase object = later.getDocument().getObjectFromPool(key).getObject();
    String type =
        object instanceof COSDictionary dictionary
            ? dictionary.getNameAsString(COSName.TYPE)
            : null;
    return "object " + key.getNumber() + (type == null ? "" : " (" + type + ")");
  }

  // --- comparing values ------------------------------------------------------------------------

  /** Equal values: references by object number, streams by dictionary and raw bytes. */
  private boolean same(COSBase a, COSBase b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    if (a instanceof COSObject || b instanceof COSObject) {
      return a instanceof COSObject ra
          && b instanceof COSObject rb
          && Objects.equals(ra.getKey(), rb.getKey());
    }
    if (a instanceof COSStream sa) {
      return b instanceof COSStream sb
          && sameEntries(sa, sb, true)
          && Arrays.equals(raw(sa), raw(sb));
    }
    if (a instanceof COSDictionary da) {
      return b instanceof COSDictionary db
          && !(b instanceof COSStream)
          && sameEntries(da, db, false);
    }
    if (a instanceof COSArray aa) {
      if (!(b instanceof COSArray ab) || aa.size() != ab.size()) {
        return false;
      }
      for (int i = 0; i < aa.size(); i++) {
        if (!same(aa.get(i), ab.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof COSString sa) {
      return b instanceof COSString sb && Arrays.equals(sa.getBytes(), sb.getBytes());
    }
    return a.equals(b);
  }

  private boolean sameEntries(COSDictionary a, COSDictionary b, boolean stream) {
    Set<COSName> keys = new HashSet<>(a.keySet());
    keys.addAll(b.keySet());
    if (stream) {
      keys.remove(COSName.LENGTH);
    }
    for (COSName name : keys) {
      if (!same(a.getItem(name), b.getItem(name))) {
        return false;
      }
    }
    return true;
  }

  private Set<COSName> differing(COSDictionary a, COSDictionary b) {
    Set<COSName> keys = new HashSet<>(a.keySet());
    keys.addAll(b.keySet());
    Set<COSName> differing = new HashSet<>();
    for (COSName name : keys) {
      if (!same(a.getItem(name), b.getItem(name))) {
        differing.add(name);
      }
    }
    if (a instanceof COSStream sa
        && b instanceof COSStream sb
        && !Arrays.equals(raw(sa), raw(sb))) {
      differing.add(COSName.CONTENTS);
    }
    return differing;
  }

  /** The elements of {@code a} that {@code b} does not hold. */
  private List<COSBase> missingFrom(COSArray a, COSArray b) {
    List<COSBase> missing = new ArrayList<>();
    if (a == null) {
      return missing;
    }
    for (int i = 0; i < a.size(); i++) {
      COSBase element = a.get(i);
      boolean found = false;
      for (int j = 0; b != null && j < b.size() && !found; j++) {
        found = same(element, b.get(j));
      }
      if (!found) {
        missing.add(element);
      }
    }
    return missing;
  }

  private static byte[] raw(COSStream stream) {
    try (InputStream in = stream.createRawInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      return new byte[0];
    }
  }

  // --- what things are ----------------------------------------------------------------------

  private static boolean structural(COSBase object) {
    return object instanceof COSStream stream
        && (OBJ_STM.equals(stream.getCOSName(COSName.TYPE))
            || XREF.equals(stream.getCOSName(COSName.TYPE)));
  }

  private static boolean isSignatureDictionary(COSDictionary dictionary) {
    return COSName.SIG.equals(dictionary.getCOSName(COSName.TYPE))
        || COSName.DOC_TIME_STAMP.equals(dictionary.getCOSName(COSName.TYPE))
        || (dictionary.containsKey(COSName.BYTERANGE) && dictionary.containsKey(COSName.CONTENTS));
  }

  /** A field whose type, its own or inherited, is a signature. */
  private static boolean isSignatureField(COSDictionary field) {
    COSDictionary current = field;
    for (int depth = 0; current != null && depth < MAX_FIELD_DEPTH; depth++) {
      COSName type = current.getCOSName(COSName.FT);
      if (type != null) {
        return COSName.SIG.equals(type);
      }
      current = current.getCOSDictionary(COSName.PARENT);
    }
    return false;
  }

  private static boolean isSignatureWidget(COSDictionary annotation) {
    return COSName.WIDGET.equals(annotation.getCOSName(COSName.SUBTYPE))
        && isSignatureField(annotation);
  }

  private static String fieldName(COSDictionary field) {
    if (field == null) {
      return "(unreadable)";
    }
    String name = field.getString(COSName.T);
    return name == null ? "(unnamed)" : "'" + name + "'";
  }

  private static String names(Set<COSName> names) {
    return names.stream()
        .map(name -> "/" + name.getName())
        .sorted()
        .reduce((a, b) -> a + ", " + b)
        .orElse("");
  }

  private static COSArray array(COSBase value) {
    return value instanceof COSArray array ? array : null;
  }

  private static COSDictionary dictionary(COSBase value) {
    COSBase object = value instanceof COSObject reference ? reference.getObject() : value;
    return object instanceof COSDictionary dictionary ? dictionary : null;
  }

  private static COSObjectKey keyOf(COSBase value) {
    return value instanceof COSObject reference ? reference.getKey() : null;
  }

  private void checkTime() {
    if (clock.getAsLong() > deadline) {
      throw new VerificationTimeout();
    }
  }

  /** The comparison ran out of its time budget. */
  static final class VerificationTimeout extends RuntimeException {
    VerificationTimeout() {
      super("the comparison of revisions took too long", null, false, false);
    }
  }
}
