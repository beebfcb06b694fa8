package com.ingrammicro.masterpayer.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.ingrammicro.masterpayer.support.Api;
import com.ingrammicro.masterpayer.support.WebappSession;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The groups a single sign-on gives come from the identity provider's groups claim through {@code
 * offboarding.security.staff-login.groups}, and the webapps and the engine work with those, not
 * with the groups Camunda's identity store has for the user. The embedded provider names each staff
 * member's Camunda groups in its claim ({@code StaffGroupsClaim}), so this application maps them as
 * a company's provider's would be: its group {@code iaas-sales} means finance here, IaaS sales is
 * given only for a group "IaaS Sales" nobody has, and auditors only for "Audit Team".
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:staff-group-mapping-it;DB_CLOSE_DELAY=-1",
      "offboarding.security.staff-login.groups.finance=iaas-sales",
      "offboarding.security.staff-login.groups.iaas-sales=IaaS Sales",
      "offboarding.security.staff-login.groups.auditors=Audit Team"
    })
@ActiveProfiles("local")
class StaffGroupMappingIT {

  @Autowired ProcessEngine processEngine;
  @Autowired TaskService taskService;
  @LocalServerPort int port;

  private Api api;
  private final List<String> tasks = new ArrayList<>();

  @BeforeEach
  void client() {
    // the webapps find their engine by name in Camunda's static registry (RunningApplication)
    ProcessEngines.registerProcessEngine(processEngine);
    api = new Api(port);
  }

  @AfterEach
  void removeTasks() {
    tasks.forEach(id -> taskService.deleteTask(id, true));
  }

  @Test
  void aMappedProviderGroupGivesItsCamundaGroupAndTheEngineWorksWithTheLoginsGroups() {
    String financeWork = taskFor("finance");
    String salesWork = taskFor("iaas-sales");

    // "sales" is in iaas-sales in Camunda's identity store; its single sign-on says finance
    WebappSession sales = WebappSession.login(api, "sales");

    assertThat(sales.response().status()).isEqualTo(200);
    assertThat(sales.response().json().path("authorizedApps").toString()).contains("tasklist");
    Api.Response finance = sales.send("GET", engine("/task/" + financeWork), null);
    Api.Response iaasSales = sales.send("GET", engine("/task/" + salesWork), null);
    Api.Response claim =
        sales.send("POST", engine("/task/" + financeWork + "/claim"), "{\"userId\": \"sales\"}");
    assertThat(finance.status()).as(finance.toString()).isEqualTo(200);
    assertThat(iaasSales.status()).as(iaasSales.toString()).isEqualTo(404);
    assertThat(claim.status()).as(claim.toString()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(financeWork).singleResult().getAssignee())
        .isEqualTo("sales");
  }

  @Test
  void aLoginWhoseGroupsMapToNoStaffGroupIsSignedInButRefusedEverywhere() {
    // the auditor's provider group "auditors" no longer gives auditors: only "Audit Team" does
    WebappSession auditor = WebappSession.login(api, "/audit/", "auditor");

    assertThat(auditor.hops())
        .as("signed in")
        .anyMatch(hop -> hop.startsWith("GET /login/oauth2/code/staff?") && hop.endsWith("302"));
    assertThat(auditor.page().status()).isEqualTo(403);
    assertThat(auditor.page().text()).contains("Signed in as <strong>auditor</strong>", "staff");
    assertThat(auditor.send("GET", "/camunda/app/cockpit/default/", null).status()).isEqualTo(403);
    assertThat(auditor.send("GET", "/camunda/api/admin/auth/user/default", null).status())
        .isEqualTo(403);
    assertThat(auditor.send("GET", "/api/audit/offboardings", null).status()).isEqualTo(401);
  }

  private String taskFor(String candidateGroup) {
    Task task = taskService.newTask();
    task.setName("Work of " + candidateGroup);
    taskService.saveTask(task);
    taskService.addCandidateGroup(task.getId(), candidateGroup);
    tasks.add(task.getId());
    return task.getId();
  }

  private static String engine(String path) {
    return "/camunda/api/engine/engine/default" + path;
  }
}
