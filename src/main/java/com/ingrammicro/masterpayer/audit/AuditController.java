package com.ingrammicro.masterpayer.audit;

import com.ingrammicro.masterpayer.offboarding.OffboardingSearch;
import com.ingrammicro.masterpayer.offboarding.OffboardingSort;
import com.ingrammicro.masterpayer.system.AppUser;
import com.ingrammicro.masterpayer.system.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The auditors' API: search, trail, diagram, CSV export and evidence bundle. Read-only. */
@RestController
@RequestMapping("/api/audit/offboardings")
@Tag(
    name = "Audit",
    description =
        "For auditors and administrators: read and export the history of every offboarding.")
class AuditController {

  static final int MAX_PAGE_SIZE = 200;
  private static final String SORT_DESCRIPTION =
      "Sort as field,asc or field,desc with field one of createdAt, endedAt, "
          + "updatedAt, status, stage, resellerId, payerAccountId (default createdAt,desc).";

  record SearchPage(
      List<AuditedOffboarding> content,
      int page,
      int size,
      long totalElements,
      long totalPages,
      String sort) {}

  private final OffboardingSearch offboardings;
  private final TrailBuilder trails;
  private final EvidenceBundle evidence;
  private final RepositoryService repositoryService;

  AuditController(
      OffboardingSearch offboardings,
      TrailBuilder trails,
      EvidenceBundle evidence,
      RepositoryService repositoryService) {
    this.offboardings = offboardings;
    this.trails = trails;
    this.evidence = evidence;
    this.repositoryService = repositoryService;
  }

  @GetMapping
  @Operation(
      summary = "Search all offboardings",
      description =
          "Every filter is optional; ranges include their start and exclude their end (ISO 8601 date-times). "
              + SORT_DESCRIPTION)
  SearchPage search(
      @ParameterObject @Valid AuditFilter filter,
      @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size,
      @RequestParam(required = false) String sort) {
    OffboardingSort order = sort(sort);
    long total = offboardings.count(filter.criteria());
    List<AuditedOffboarding> content =
        offboardings.search(filter.criteria(), order, page * size, size).stream()
            .map(AuditedOffboarding::of)
            .toList();
    return new SearchPage(
        content,
        page,
        size,
        total,
        (total + size - 1) / size,
        order.field() + "," + (order.descending() ? "desc" : "asc"));
  }

  @GetMapping(path = "/export.csv", produces = "text/csv")
  @Operation(
      summary = "The search as CSV, all pages",
      description =
          "Same filters and sort as the search. Streamed from a database cursor: any number of rows "
              + "in constant memory.")
  void exportCsv(
      @ParameterObject @Valid AuditFilter filter,
      @RequestParam(required = false) String sort,
      HttpServletResponse response)
      throws IOException {
    OffboardingSort order = sort(sort);
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename("offboardings.csv").build().toString());
    Writer out =
        new BufferedWriter(
            new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 64 * 1024);
    CsvExport csv = new CsvExport(out);
    offboardings.stream(
        filter.criteria(), order, offboarding -> csv.write(AuditedOffboarding.of(offboarding)));
    out.flush();
  }

  @GetMapping("/{id}/trail")
  @Operation(
      summary = "The trail of one offboarding",
      description =
          "Every step entered and left, every human task's candidates, claims and completions with their "
              + "outcome, every variable change, user operation, incident, retry, mail and document, in one ordered "
              + "timeline (by time, then source, then position; numbered by sequence).")
  Trail trail(@PathVariable UUID id) {
    return trails.build(id).orElseThrow(() -> notFound(id));
  }

  @GetMapping(path = "/{id}/diagram.svg", produces = "image/svg+xml")
  @Operation(summary = "The process diagram with the path this offboarding took highlighted (SVG)")
  ResponseEntity<String> diagram(@PathVariable UUID id) {
    Trail trail = trails.buildSteps(id).orElseThrow(() -> notFound(id));
    if (trail.processDefinitionId() == null) {
      throw Problems.problem(
          HttpStatus.NOT_FOUND,
          "no-history",
          "No process history",
          "The process history of offboarding " + id + " is not available.");
    }
    String svg =
        DiagramSvg.render(
            repositoryService.getBpmnModelInstance(trail.processDefinitionId()), trail.steps());
    return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml")).body(svg);
  }

  @GetMapping(path = "/{id}/evidence", produces = "application/zip")
  @Operation(
      summary = "The evidence bundle of one offboarding (zip)",
      description =
          "trail.json, the CTA as issued and every signed copy, manifest.json with the SHA-256 of every "
              + "file, and SHA256SUMS: verify with `sha256sum -c SHA256SUMS` after unzipping.")
  void evidence(
      @AuthenticationPrincipal AppUser user, @PathVariable UUID id, HttpServletResponse response)
      throws IOException {
    Trail trail = trails.build(id).orElseThrow(() -> notFound(id));
    response.setContentType("application/zip");
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment()
            .filename("offboarding-" + id + "-evidence.zip")
            .build()
            .toString());
    evidence.write(trail, user.userId(), response.getOutputStream());
  }

  private static OffboardingSort sort(String sort) {
    return OffboardingSort.parse(sort)
        .orElseThrow(
            () ->
                invalid(
                    "sort: '"
                        + sort
                        + "' is not field,asc or field,desc with field one of "
                        + OffboardingSort.fields()
                        + "."));
  }

  private static ErrorResponseException invalid(String detail) {
    return Problems.problem(
        HttpStatus.BAD_REQUEST,
        "invalid-audit-query",
        "Invalid request",
        "The request is invalid: " + detail);
  }

  private static ErrorResponseException notFound(UUID id) {
    return Problems.problem(
        HttpStatus.NOT_FOUND,
        "offboarding-not-found",
        "Offboarding not found",
        "There is no offboarding " + id + ".");
  }
}
