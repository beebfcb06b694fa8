package com.ingrammicro.masterpayer.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.ingrammicro.masterpayer.system.EngineApiPolicy.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineApiPolicyTest {

  private static final AppUser SALES = new AppUser("sales", List.of("iaas-sales"), List.of());
  private static final AppUser FINANCE = new AppUser("finance", List.of("finance"), List.of());
  private static final AppUser AUDITOR = new AppUser("auditor", List.of("auditors"), List.of());
  private static final AppUser ADMIN = new AppUser("admin", List.of("camunda-admin"), List.of());

  @Test
  void readsAndQueriesAreForEveryStaffMember() {
    for (AppUser user : List.of(SALES, FINANCE, AUDITOR)) {
      assertThat(verdict(user, "GET", "/task/42")).isEqualTo(Verdict.ALLOWED);
      assertThat(verdict(user, "POST", "/task")).isEqualTo(Verdict.ALLOWED);
      assertThat(verdict(user, "POST", "/history/process-instance/count"))
          .isEqualTo(Verdict.ALLOWED);
      assertThat(verdict(user, "POST", "/filter/f1/list")).isEqualTo(Verdict.ALLOWED);
    }
  }

  @Test
  void aQueryResourceIsNotABatchOperationOnIt() {
    assertThat(verdict(SALES, "POST", "/process-instance/delete")).isEqualTo(Verdict.ADMIN_ONLY);
    assertThat(verdict(SALES, "POST", "/history/process-instance/delete"))
        .isEqualTo(Verdict.ADMIN_ONLY);
    assertThat(verdict(SALES, "POST", "/process-instance/variables-async"))
        .isEqualTo(Verdict.ADMIN_ONLY);
  }

  @Test
  void taskWorkersClaimAndCompleteAndTheCompletionIsCheckedForEveryone() {
    assertThat(verdict(SALES, "POST", "/task/42/claim")).isEqualTo(Verdict.ALLOWED);
    assertThat(verdict(FINANCE, "POST", "/task/42/unclaim")).isEqualTo(Verdict.ALLOWED);
    EngineApiPolicy.Decision completion =
        EngineApiPolicy.decide(SALES, "POST", "/task/42/submit-form");
    assertThat(completion.verdict()).isEqualTo(Verdict.TASK_COMPLETION);
    assertThat(completion.taskId()).isEqualTo("42");
    assertThat(verdict(ADMIN, "POST", "/task/42/complete/")).isEqualTo(Verdict.TASK_COMPLETION);
    assertThat(verdict(FINANCE, "POST", "/task/42/resolve")).isEqualTo(Verdict.TASK_COMPLETION);
  }

  @Test
  void whatTheJourneyDoesNotNeedIsForAdministratorsOnly() {
    for (String[] call :
        List.of(
            new String[] {"POST", "/signal"},
            new String[] {"POST", "/condition"},
            new String[] {"POST", "/message"},
            new String[] {"POST", "/process-instance/p1/modification"},
            new String[] {"POST", "/process-definition/key/masterPayerOffboarding/start"},
            new String[] {"PUT", "/task/42/variables/resellerId"},
            new String[] {"POST", "/task/42/localVariables"},
            new String[] {"POST", "/task/42/bpmnError"},
            new String[] {"POST", "/task/42/identity-links"},
            new String[] {"POST", "/task/42/delegate"},
            new String[] {"PUT", "/task/42"},
            new String[] {"DELETE", "/task/42"},
            new String[] {"POST", "/TASK/42/claim"})) {
      assertThat(verdict(SALES, call[0], call[1]))
          .as(String.join(" ", call))
          .isEqualTo(Verdict.ADMIN_ONLY);
      assertThat(verdict(ADMIN, call[0], call[1]))
          .as(String.join(" ", call))
          .isEqualTo(Verdict.ALLOWED);
    }
  }

  @Test
  void auditorsChangeNothingButTheirOwnAccount() {
    assertThat(verdict(AUDITOR, "POST", "/task/42/claim")).isEqualTo(Verdict.READ_ONLY);
    assertThat(verdict(AUDITOR, "POST", "/task/42/complete")).isEqualTo(Verdict.READ_ONLY);
    assertThat(verdict(AUDITOR, "POST", "/signal")).isEqualTo(Verdict.READ_ONLY);
    assertThat(verdict(AUDITOR, "PUT", "/user/auditor/credentials")).isEqualTo(Verdict.ALLOWED);
    assertThat(verdict(AUDITOR, "PUT", "/user/sales/credentials")).isEqualTo(Verdict.READ_ONLY);
    assertThat(verdict(SALES, "PUT", "/user/auditor/profile")).isEqualTo(Verdict.ADMIN_ONLY);
  }

  @Test
  void commentsAndAttachmentsAreOffAndOnlyAdministratorsReadWhatMayBeThere() {
    for (AppUser user : List.of(SALES, FINANCE, AUDITOR, ADMIN)) {
      assertThat(verdict(user, "POST", "/task/42/comment/create")).isEqualTo(Verdict.TURNED_OFF);
      assertThat(verdict(user, "POST", "/task/42/attachment/create")).isEqualTo(Verdict.TURNED_OFF);
      assertThat(verdict(user, "DELETE", "/task/42/attachment/a1")).isEqualTo(Verdict.TURNED_OFF);
      assertThat(verdict(user, "POST", "/process-instance/p1/comment"))
          .isEqualTo(Verdict.TURNED_OFF);
    }
    assertThat(verdict(FINANCE, "GET", "/task/42/comment")).isEqualTo(Verdict.TURNED_OFF);
    assertThat(verdict(ADMIN, "GET", "/task/42/comment")).isEqualTo(Verdict.ALLOWED);
  }

  private static Verdict verdict(AppUser user, String method, String path) {
    return EngineApiPolicy.decide(user, method, path).verdict();
  }
}
