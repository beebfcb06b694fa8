package com.ingrammicro.masterpayer.offboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OffboardingViewTest {

  private static Offboarding offboarding(
      OffboardingStatus status, Stage stage, ResellerAction action, String detail) {
    OffsetDateTime now = OffsetDateTime.parse("2026-11-26T09:00:00Z");
    return new Offboarding(
        UUID.fromString("00000000-0000-4000-8000-000000000001"),
        "ACME",
        "123456789012",
        status,
        stage,
        "reason",
        "ops@acme.example",
        new NewResponsibleParty("Contoso", "billing@contoso.example", PartyKind.DISTRIBUTOR),
        "acme",
        action,
        detail,
        null,
        "pi-1",
        now,
        now,
        null,
        null);
  }

  private static OffboardingView view(
      OffboardingStatus status, Stage stage, ResellerAction action, String detail) {
    return OffboardingView.of(offboarding(status, stage, action, detail));
  }

  @Test
  void awaitedSignatureOffersDownloadUploadAndWithdrawal() {
    OffboardingView view =
        view(
            OffboardingStatus.IN_PROGRESS,
            Stage.CTA_SIGNATURE,
            ResellerAction.SIGN_CTA,
            "sign again");

    assertThat(view.openActions())
        .extracting(OffboardingView.OpenAction::action)
        .containsExactly("DOWNLOAD_CTA", "UPLOAD_SIGNED_CTA", "WITHDRAW");
    assertThat(view.openActions().get(1).href())
        .isEqualTo("/api/offboardings/00000000-0000-4000-8000-000000000001/cta/signed");
    assertThat(view.openActions().get(1).detail()).isEqualTo("sign again");
    assertThat(view.stagesDone()).isEqualTo(1);
    assertThat(view.stagesTotal()).isEqualTo(5);
  }

  @Test
  void withdrawalIsNoLongerOfferedOnceAccessRemovalStarts() {
    assertThat(view(OffboardingStatus.IN_PROGRESS, Stage.ACCESS_REMOVAL, null, null).openActions())
        .isEmpty();
    assertThat(
            view(
                    OffboardingStatus.IN_PROGRESS,
                    Stage.BILLING_AND_PAYMENT,
                    ResellerAction.SETTLE_BALANCE,
                    "Outstanding amount: 10.00")
                .openActions())
        .extracting(OffboardingView.OpenAction::action)
        .containsExactly("SETTLE_BALANCE", "WITHDRAW");
  }

  @Test
  void endedOffboardingsOfferNothingAndCompletedOnesHaveAllStagesDone() {
    OffboardingView completed = view(OffboardingStatus.COMPLETED, Stage.ACCESS_REMOVAL, null, null);
    OffboardingView rejected = view(OffboardingStatus.REJECTED, Stage.REVIEW, null, null);

    assertThat(completed.openActions()).isEmpty();
    assertThat(completed.stagesDone()).isEqualTo(5);
    assertThat(rejected.openActions()).isEmpty();
    assertThat(rejected.stagesDone()).isZero();
  }
}
