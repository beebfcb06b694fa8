package com.ingrammicro.masterpayer.cleanup;

import com.ingrammicro.masterpayer.offboarding.Offboarding;
import com.ingrammicro.masterpayer.offboarding.OffboardingService;
import com.ingrammicro.masterpayer.system.AppUser;
import com.ingrammicro.masterpayer.system.Problems;
import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the reseller deploys so that the engine can remove the distributor's access, and the
 * evidence of that removal.
 */
@RestController
@RequestMapping("/api/offboardings/{id}")
class AccessRemovalController {

  /**
   * @param trustedPrincipal the engine's principal, the only one the role may trust
   * @param externalId the secret-like value the role must require (sts:ExternalId), unique to this
   *     offboarding
   * @param sessionName the session name the engine uses, as CloudTrail in the payer account will
   *     show it
   * @param cloudFormationTemplate the role as a ready CloudFormation template
   */
  record CleanupAccessView(
      UUID offboardingId,
      String payerAccountId,
      String roleName,
      String roleArn,
      String trustedPrincipal,
      String externalId,
      String sessionName,
      List<String> removes,
      List<String> instructions,
      Map<String, Object> cloudFormationTemplate) {}

  private final AccessRemoval accessRemoval;
  private final AccessRemovalProperties properties;
  private final OffboardingService offboardings;

  AccessRemovalController(
      AccessRemoval accessRemoval,
      AccessRemovalProperties properties,
      OffboardingService offboardings) {
    this.accessRemoval = accessRemoval;
    this.properties = properties;
    this.offboardings = offboardings;
  }

  @GetMapping("/cleanup-access")
  @Operation(
      summary =
          "The cleanup role to deploy in the payer account: ExternalId, trusted principal, CloudFormation template",
      description =
          "409 when this engine does not remove access automatically (Ingram IaaS sales then do it by hand).")
  CleanupAccessView access(@AuthenticationPrincipal AppUser user, @PathVariable UUID id) {
    Offboarding offboarding = offboardings.get(user, id);
    requireAutomated();
    String externalId = accessRemoval.externalId(id);
    String roleArn =
        CleanupRoleTemplate.roleArn(offboarding.payerAccountId(), properties.roleName());
    List<String> removes = new ArrayList<>();
    properties.targetRoleNames().forEach(name -> removes.add("role " + name));
    properties
        .distributorAccounts()
        .forEach(
            (name, account) ->
                removes.add("any role whose trust policy names " + name + " (" + account + ")"));
    properties.targetPolicyNames().forEach(name -> removes.add("customer-managed policy " + name));
    removes.add(
        "any CloudFormation stack that holds only such roles and policies (deleted as a whole)");
    List<String> instructions =
        List.of(
            "Save cloudFormationTemplate as cleanup-role.json (or download it from "
                + "/api/offboardings/"
                + id
                + "/cleanup-access/template).",
            "In payer account "
                + offboarding.payerAccountId()
                + ": aws cloudformation deploy --template-file cleanup-role.json "
                + "--stack-name "
                + CleanupRoleTemplate.CLEANUP_STACK
                + " --capabilities CAPABILITY_NAMED_IAM",
            "Keep the stack until the offboarding is COMPLETED, then delete it: "
                + "aws cloudformation delete-stack --stack-name "
                + CleanupRoleTemplate.CLEANUP_STACK);
    return new CleanupAccessView(
        id,
        offboarding.payerAccountId(),
        properties.roleName(),
        roleArn,
        properties.enginePrincipal(),
        externalId,
        id.toString(),
        removes,
        instructions,
        CleanupRoleTemplate.render(
            properties, id.toString(), offboarding.payerAccountId(), externalId));
  }

  @GetMapping(path = "/cleanup-access/template", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "The cleanup role's CloudFormation template alone, as a file to deploy")
  ResponseEntity<Map<String, Object>> template(
      @AuthenticationPrincipal AppUser user, @PathVariable UUID id) {
    Offboarding offboarding = offboardings.get(user, id);
    requireAutomated();
    return ResponseEntity.ok()
        .header(
            "Content-Disposition",
            ContentDisposition.attachment()
                .filename("cleanup-role-" + id + ".json")
                .build()
                .toString())
        .body(
            CleanupRoleTemplate.render(
                properties,
                id.toString(),
                offboarding.payerAccountId(),
                accessRemoval.externalId(id)));
  }

  @GetMapping("/access-removal")
  @Operation(
      summary =
          "The removal of the distributor's access: each plan round with its SHA-256 and approval, every call with AWS's request id, verification",
      description = "404 before the removal started.")
  AccessRemovalEvidence evidence(@AuthenticationPrincipal AppUser user, @PathVariable UUID id) {
    offboardings.get(user, id);
    return accessRemoval
        .evidence(id)
        .orElseThrow(
            () ->
                Problems.problem(
                    HttpStatus.NOT_FOUND,
                    "access-removal-not-started",
                    "Access removal not started",
                    "The removal of the distributor's access has not started for offboarding "
                        + id
                        + "."));
  }

  private void requireAutomated() {
    if (!accessRemoval.isEnabled()) {
      throw Problems.problem(
          HttpStatus.CONFLICT,
          "automated-cleanup-disabled",
          "Automated access removal is off",
          "This engine does not remove the distributor's access automatically; Ingram IaaS sales remove it by hand. "
              + "No cleanup role is needed.");
    }
  }
}
