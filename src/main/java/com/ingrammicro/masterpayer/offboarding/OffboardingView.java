package com.ingrammicro.masterpayer.offboarding;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An offboarding as the API shows it. */
record OffboardingView(
    UUID id,
    String resellerId,
    String payerAccountId,
    OffboardingStatus status,
    String statusReason,
    Stage stage,
    String stageTitle,
    int stagesDone,
    int stagesTotal,
    List<OpenAction> openActions,
    String reason,
    String contactEmail,
    NewResponsibleParty newResponsibleParty,
    String requestedBy,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    OffsetDateTime endedAt,
    SignedCtaProgress.Summary signedCta,
    AccessRemovalProgress.Summary accessRemoval) {

  /** Something the reseller can or must do now, with the request that does it. */
  record OpenAction(String action, String description, String method, String href, String detail) {}

  /** The view in lists: without the signed CTA's report and the access removal's details. */
  static OffboardingView of(Offboarding o) {
    return of(o, null, false, null);
  }

  /**
   * The view of one offboarding, with the latest signed CTA's report and where the removal of the
   * distributor's access stands.
   */
  static OffboardingView of(
      Offboarding o,
      SignedCtaProgress.Summary signedCta,
      boolean automatedRemoval,
      AccessRemovalProgress.Summary accessRemoval) {
    return new OffboardingView(
        o.id(),
        o.resellerId(),
        o.payerAccountId(),
        o.status(),
        o.statusReason(),
        o.stage(),
        o.stage().title(),
        o.stagesDone(),
        Stage.TOTAL,
        openActions(o, automatedRemoval),
        o.reason(),
        o.contactEmail(),
        o.newResponsibleParty(),
        o.requestedBy(),
        o.createdAt(),
        o.updatedAt(),
        o.endedAt(),
        signedCta,
        accessRemoval);
  }

  private static List<OpenAction> openActions(Offboarding o, boolean automatedRemoval) {
    String self = "/api/offboardings/" + o.id();
    List<OpenAction> actions = new ArrayList<>();
    if (o.resellerAction() == ResellerAction.SIGN_CTA) {
      actions.add(
          new OpenAction(
              "DOWNLOAD_CTA",
              "Download the Consent to Assignment to sign.",
              "GET",
              self + "/cta",
              null));
      actions.add(
          new OpenAction(
              "UPLOAD_SIGNED_CTA",
              "Upload the CTA signed by the assignor and the assignee, as one PDF.",
              "PUT",
              self + "/cta/signed",
              o.resellerActionDetail()));
    }
    if (o.resellerAction() == ResellerAction.SETTLE_BALANCE) {
      actions.add(
          new OpenAction(
              "SETTLE_BALANCE",
              "Settle the outstanding balance with Ingram Micro; finance checks again after the grace period.",
              null,
              null,
              o.resellerActionDetail()));
    }
    if (automatedRemoval && o.isActive() && o.stage() != Stage.REVIEW) {
      actions.add(
          new OpenAction(
              "DEPLOY_CLEANUP_ROLE",
              "Deploy the temporary cleanup role in the payer account, so that Ingram Micro's access is removed "
                  + "automatically once billing and payment are settled; delete it after completion.",
              "GET",
              self + "/cleanup-access",
              null));
    }
    if (o.isWithdrawable()) {
      actions.add(
          new OpenAction(
              "WITHDRAW", "Withdraw this offboarding.", "POST", self + "/withdrawal", null));
    }
    return actions;
  }
}
