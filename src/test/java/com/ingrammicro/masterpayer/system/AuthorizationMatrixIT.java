package com.ingrammicro.masterpayer.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.ingrammicro.masterpayer.support.Api;
import com.ingrammicro.masterpayer.support.Journeys;
import com.ingrammicro.masterpayer.support.OnH2;
import com.ingrammicro.masterpayer.support.RunningApplication;
import com.ingrammicro.masterpayer.support.TestPdf;
import com.ingrammicro.masterpayer.support.TestRequests;
import com.ingrammicro.masterpayer.support.WebappSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who may call what, as one table (docs/security.md): every operation of the reseller API, the
 * engine-rest resources that matter and the webapps' logins and engine API, against every kind of
 * caller. A cell is the status the caller gets. Requests whose success would change the fixture are
 * sent with a body the operation refuses after its authorization (a wrong outcome, an unknown
 * message): 400, 409 or 422 in a cell mean "let through, then refused on its merits"; 401, 403 and
 * 404 mean "stopped at the door". A new endpoint or task is not done until it has its rows.
 */
@OnH2
class AuthorizationMatrixIT extends RunningApplication {

  /**
   * A staff user of this test only: its wrong passwords must not throttle a user other tests log in
   * as.
   */
  private static final String INTRUDER = "matrixintruder";

  /**
   * An API client of ACME that may only read ({@code offboardings:read}); the columns {@code acme}
   * and {@code globex} are the demo clients, with both scopes, and {@code acme basic} sends the
   * demo client's id and secret as HTTP Basic, which the API does not take from resellers.
   */
  private static final String READER = "matrixreader";

  private static final List<String> CALLERS =
      List.of(
          "anonymous",
          "wrong password",
          "acme",
          "globex",
          "acme reader",
          "acme basic",
          "sales",
          "finance",
          "auditor",
          "admin");

  // Placeholders: {open} an ACME offboarding waiting for its signed CTA, of payer account
  // {openPayer}; {review} the open review
  // task
  // of another ACME offboarding {reviewed} whose process instance is {instance}; {ended} a
  // withdrawn
  // ACME offboarding and {endedInstance} its finished instance; {filter} the group tasks filter.
  // (No row sends a wrong password for a real user: Camunda would throttle that user's next
  // logins.)
  private static final String MATRIX =
      """
      | method | path                                                             | body                   | anonymous | wrong password | acme | globex | acme reader | acme basic | sales | finance | auditor | admin |
      | POST   | /api/offboardings                                                | {}                     | 401       | 401            | 400  | 400    | 403         | 401        | 403   | 403     | 403     | 403   |
      | GET    | /api/offboardings                                                |                        | 401       | 401            | 200  | 200    | 200         | 401        | 200   | 200     | 200     | 200   |
      | GET    | /api/offboardings/{open}                                         |                        | 401       | 401            | 200  | 404    | 200         | 401        | 200   | 200     | 200     | 200   |
      | POST   | /api/offboardings/{ended}/withdrawal                             | {}                     | 401       | 401            | 409  | 404    | 403         | 401        | 403   | 403     | 403     | 403   |
      | GET    | /api/offboardings/{open}/cta                                     |                        | 401       | 401            | 200  | 404    | 200         | 401        | 200   | 200     | 200     | 200   |
      | GET    | /api/offboardings/{open}/cta/signed                              |                        | 401       | 401            | 409  | 404    | 409         | 401        | 409   | 409     | 409     | 409   |
      | PUT    | /api/offboardings/{ended}/cta/signed                             | pdf                    | 401       | 401            | 409  | 404    | 403         | 401        | 403   | 403     | 403     | 403   |
      | GET    | /api/offboardings/{open}/cleanup-access                          |                        | 401       | 401            | 200  | 404    | 200         | 401        | 200   | 200     | 200     | 200   |
      | GET    | /api/offboardings/{open}/cleanup-access/template                 |                        | 401       | 401            | 200  | 404    | 200         | 401        | 200   | 200     | 200     | 200   |
      | GET    | /api/offboardings/{open}/access-removal                          |                        | 401       | 401            | 200  | 404    | 200         | 401        | 200   | 200     | 200     | 200   |
      | POST   | /api/esignature/docusign/connect                                 | {}                     | 401       | 401            | 401  | 401    | 401         | 401        | 401   | 401     | 401     | 401   |
      | GET    | /api/audit/offboardings                                          |                        | 401       | 401            | 403  | 403    | 403         | 401        | 403   | 403     | 200     | 200   |
      | GET    | /api/audit/offboardings/export.csv                               |                        | 401       | 401            | 403  | 403    | 403         | 401        | 403   | 403     | 200     | 200   |
      | GET    | /api/audit/offboardings/{open}/trail                             |                        | 401       | 401            | 403  | 403    | 403         | 401        | 403   | 403     | 200     | 200   |
      | GET    | /api/audit/offboardings/{open}/diagram.svg                       |                        | 401       | 401            | 403  | 403    | 403         | 401        | 403   | 403     | 200     | 200   |
      | GET    | /api/audit/offboardings/{open}/evidence                          |                        | 401       | 401            | 403  | 403    | 403         | 401        | 403   | 403     | 200     | 200   |
      | GET    | /api/audit/payer-registry/changes                                |                        | 401       | 401            | 403  | 403    | 403         | 401        | 403   | 403     | 200     | 200   |
      | GET    | /audit/                                                          | session:               | 302       | 302            | 302  | 302    | 302         | 302        | 403   | 403     | 200     | 200   |
      | GET    | /api/admin/payer-accounts                                        |                        | 401       | 401            | 403  | 403    | 403         | 401        | 403   | 403     | 403     | 200   |
      | POST   | /api/admin/payer-accounts                                        | {}                     | 401       | 401            | 403  | 403    | 403         | 401        | 403   | 403     | 403     | 400   |
      | GET    | /api/admin/payer-accounts/{openPayer}                            |                        | 401       | 401            | 403  | 403    | 403         | 401        | 403   | 403     | 403     | 200   |
      | PUT    | /api/admin/payer-accounts/{openPayer}/reseller                   | {}                     | 401       | 401            | 403  | 403    | 403         | 401        | 403   | 403     | 403     | 400   |
      | DELETE | /api/admin/payer-accounts/{openPayer}                            |                        | 401       | 401            | 403  | 403    | 403         | 401        | 403   | 403     | 403     | 409   |
      | POST   | /api/admin/payer-accounts/import                                 | bad-csv                | 401       | 401            | 403  | 403    | 403         | 401        | 403   | 403     | 403     | 422   |
      | GET    | /api/admin/clients                                               |                        | 401       | 401            | 403  | 403    | 403         | 401        | 403   | 403     | 403     | 200   |
      | POST   | /api/admin/clients                                               | {}                     | 401       | 401            | 403  | 403    | 403         | 401        | 403   | 403     | 403     | 400   |
      | GET    | /api/admin/clients/{reader}                                      |                        | 401       | 401            | 403  | 403    | 403         | 401        | 403   | 403     | 403     | 200   |
      | POST   | /api/admin/clients/{noClient}/secret                             | {}                     | 401       | 401            | 403  | 403    | 403         | 401        | 403   | 403     | 403     | 404   |
      | DELETE | /api/admin/clients/{noClient}                                    |                        | 401       | 401            | 403  | 403    | 403         | 401        | 403   | 403     | 403     | 404   |
      | GET    | /engine-rest/task                                                |                        | 401       | 401            | 401  | 401    | 401         | 401        | 200   | 200     | 200     | 200   |
      | POST   | /engine-rest/task                                                | {}                     | 401       | 401            | 401  | 401    | 401         | 401        | 200   | 200     | 200     | 200   |
      | GET    | /engine-rest/task/{review}                                       |                        | 401       | 401            | 401  | 401    | 401         | 401        | 200   | 404     | 200     | 200   |
      | POST   | /engine-rest/task/{review}/claim                                 | claim-for-acme         | 401       | 401            | 401  | 401    | 401         | 401        | 400   | 403     | 403     | 400   |
      | POST   | /engine-rest/task/{review}/claim                                 | claim-finance          | 401       | 401            | 401  | 401    | 401         | 401        | 400   | 403     | 403     | 400   |
      | POST   | /engine-rest/task/{review}/assignee                              | claim-for-acme         | 401       | 401            | 401  | 401    | 401         | 401        | 403   | 403     | 403     | 400   |
      | POST   | /engine-rest/task/{review}/delegate                              | claim-for-acme         | 401       | 401            | 401  | 401    | 401         | 401        | 403   | 403     | 403     | 400   |
      | POST   | /engine-rest/task/{review}/complete                              | wrong-type             | 401       | 401            | 401  | 401    | 401         | 401        | 400   | 403     | 403     | 400   |
      | POST   | /engine-rest/task/{review}/submit-form                           | extra-fact             | 401       | 401            | 401  | 401    | 401         | 401        | 400   | 403     | 403     | 400   |
      | POST   | /engine-rest/task/{review}/resolve                               | extra-fact             | 401       | 401            | 401  | 401    | 401         | 401        | 400   | 403     | 403     | 400   |
      | PUT    | /engine-rest/task/{review}                                       | {}                     | 401       | 401            | 401  | 401    | 401         | 401        | 403   | 403     | 403     | 400   |
      | DELETE | /engine-rest/task/{review}                                       |                        | 401       | 401            | 401  | 401    | 401         | 401        | 403   | 403     | 403     | 400   |
      | POST   | /engine-rest/task/{review}/bpmnError                             | {}                     | 401       | 401            | 401  | 401    | 401         | 401        | 403   | 403     | 403     | 400   |
      | PUT    | /engine-rest/task/{review}/variables/resellerId                  | integer-value          | 401       | 401            | 401  | 401    | 401         | 401        | 403   | 403     | 403     | 204   |
      | POST   | /engine-rest/task/{review}/localVariables                        | {}                     | 401       | 401            | 401  | 401    | 401         | 401        | 403   | 403     | 403     | 204   |
      | POST   | /engine-rest/task/{review}/identity-links                        | candidate-acme         | 401       | 401            | 401  | 401    | 401         | 401        | 403   | 403     | 403     | 204   |
      | GET    | /engine-rest/task/{review}/comment                               |                        | 401       | 401            | 401  | 401    | 401         | 401        | 403   | 403     | 403     | 200   |
      | POST   | /engine-rest/task/{review}/comment/create                        | comment                | 401       | 401            | 401  | 401    | 401         | 401        | 403   | 403     | 403     | 403   |
      | GET    | /engine-rest/task/{review}/attachment                            |                        | 401       | 401            | 401  | 401    | 401         | 401        | 403   | 403     | 403     | 200   |
      | POST   | /engine-rest/task/{review}/attachment/create                     | {}                     | 401       | 401            | 401  | 401    | 401         | 401        | 403   | 403     | 403     | 403   |
      | GET    | /engine-rest/process-instance/{instance}                         |                        | 401       | 401            | 401  | 401    | 401         | 401        | 200   | 200     | 200     | 200   |
      | POST   | /engine-rest/process-instance                                    | {}                     | 401       | 401            | 401  | 401    | 401         | 401        | 200   | 200     | 200     | 200   |
      | POST   | /engine-rest/process-instance/{instance}/variables               | {}                     | 401       | 401            | 401  | 401    | 401         | 401        | 403   | 403     | 403     | 204   |
      | POST   | /engine-rest/process-instance/{instance}/modification            | bad-modification       | 401       | 401            | 401  | 401    | 401         | 401        | 403   | 403     | 403     | 400   |
      | POST   | /engine-rest/process-instance/{instance}/comment                 | comment                | 401       | 401            | 401  | 401    | 401         | 401        | 403   | 403     | 403     | 403   |
      | DELETE | /engine-rest/process-instance/{endedInstance}                    |                        | 401       | 401            | 401  | 401    | 401         | 401        | 403   | 403     | 403     | 404   |
      | POST   | /engine-rest/process-definition/key/masterPayerOffboarding/start | second-instance        | 401       | 401            | 401  | 401    | 401         | 401        | 403   | 403     | 403     | 400   |
      | GET    | /engine-rest/history/process-instance                            |                        | 401       | 401            | 401  | 401    | 401         | 401        | 200   | 200     | 200     | 200   |
      | POST   | /engine-rest/history/process-instance                            | {}                     | 401       | 401            | 401  | 401    | 401         | 401        | 200   | 200     | 200     | 200   |
      | POST   | /engine-rest/history/process-instance/delete                     | {}                     | 401       | 401            | 401  | 401    | 401         | 401        | 403   | 403     | 403     | 400   |
      | GET    | /engine-rest/history/user-operation                              |                        | 401       | 401            | 401  | 401    | 401         | 401        | 200   | 200     | 200     | 200   |
      | POST   | /engine-rest/message                                             | unknown-message        | 401       | 401            | 401  | 401    | 401         | 401        | 403   | 403     | 403     | 400   |
      | POST   | /engine-rest/signal                                              | signal                 | 401       | 401            | 401  | 401    | 401         | 401        | 403   | 403     | 403     | 204   |
      | POST   | /engine-rest/condition                                           | {}                     | 401       | 401            | 401  | 401    | 401         | 401        | 403   | 403     | 403     | 400   |
      | GET    | /engine-rest/job                                                 |                        | 401       | 401            | 401  | 401    | 401         | 401        | 200   | 200     | 200     | 200   |
      | PUT    | /engine-rest/job/unknown-job/retries                             | retries                | 401       | 401            | 401  | 401    | 401         | 401        | 403   | 403     | 403     | 404   |
      | GET    | /engine-rest/deployment                                          |                        | 401       | 401            | 401  | 401    | 401         | 401        | 200   | 200     | 200     | 200   |
      | POST   | /engine-rest/deployment/create                                   | {}                     | 401       | 401            | 401  | 401    | 401         | 401        | 403   | 403     | 403     | 415   |
      | GET    | /engine-rest/user                                                |                        | 401       | 401            | 401  | 401    | 401         | 401        | 200   | 200     | 200     | 200   |
      | POST   | /engine-rest/user/create                                         | {}                     | 401       | 401            | 401  | 401    | 401         | 401        | 403   | 403     | 403     | 400   |
      | PUT    | /engine-rest/user/auditor/profile                                | profile                | 401       | 401            | 401  | 401    | 401         | 401        | 403   | 403     | 204     | 204   |
      | GET    | /engine-rest/group                                               |                        | 401       | 401            | 401  | 401    | 401         | 401        | 200   | 200     | 200     | 200   |
      | POST   | /engine-rest/group/create                                        | {}                     | 401       | 401            | 401  | 401    | 401         | 401        | 403   | 403     | 403     | 400   |
      | GET    | /engine-rest/authorization                                       |                        | 401       | 401            | 401  | 401    | 401         | 401        | 200   | 200     | 200     | 200   |
      | POST   | /engine-rest/authorization/create                                | {}                     | 401       | 401            | 401  | 401    | 401         | 401        | 403   | 403     | 403     | 400   |
      | GET    | /engine-rest/filter                                              |                        | 401       | 401            | 401  | 401    | 401         | 401        | 200   | 200     | 200     | 200   |
      | POST   | /engine-rest/filter/{filter}/list                                | {}                     | 401       | 401            | 401  | 401    | 401         | 401        | 200   | 200     | 403     | 200   |
      | POST   | /engine-rest/filter/create                                       | {}                     | 401       | 401            | 401  | 401    | 401         | 401        | 403   | 403     | 403     | 400   |
      | POST   | /camunda/api/admin/auth/user/default/login/welcome               | login                  | 401       | 401            | 401  | 401    | 401         | 401        | 401   | 401     | 401     | 401   |
      | POST   | /camunda/api/admin/auth/user/default/login/tasklist              | login                  | 401       | 401            | 401  | 401    | 401         | 401        | 401   | 401     | 401     | 401   |
      | POST   | /camunda/api/admin/auth/user/default/login/cockpit               | login                  | 401       | 401            | 401  | 401    | 401         | 401        | 401   | 401     | 401     | 401   |
      | POST   | /camunda/api/admin/auth/user/default/login/admin                 | login                  | 401       | 401            | 401  | 401    | 401         | 401        | 401   | 401     | 401     | 401   |
      | GET    | /camunda/app/welcome/default/                                    | session:               | 302       | 302            | 302  | 302    | 302         | 302        | 200   | 200     | 200     | 200   |
      | GET    | /camunda/app/tasklist/default/                                   | session:               | 302       | 302            | 302  | 302    | 302         | 302        | 200   | 200     | 403     | 200   |
      | GET    | /camunda/app/cockpit/default/                                    | session:               | 302       | 302            | 302  | 302    | 302         | 302        | 403   | 403     | 200     | 200   |
      | GET    | /camunda/app/admin/default/                                      | session:               | 302       | 302            | 302  | 302    | 302         | 302        | 403   | 403     | 403     | 200   |
      | POST   | /camunda/api/admin/setup/default/user/create                     | session:{}             | 401       | 401            | 401  | 401    | 401         | 401        | 403   | 403     | 403     | 403   |
      | GET    | /camunda/api/engine/engine/default/task                          | session:               | 401       | 401            | 401  | 401    | 401         | 401        | 200   | 200     | 200     | 200   |
      | POST   | /camunda/api/engine/engine/default/task/{review}/claim           | session:claim-for-acme | 401       | 401            | 401  | 401    | 401         | 401        | 400   | 403     | 403     | 400   |
      | POST   | /camunda/api/engine/engine/default/task/{review}/submit-form     | session:extra-fact     | 401       | 401            | 401  | 401    | 401         | 401        | 400   | 403     | 403     | 400   |
      | POST   | /camunda/api/engine/engine/default/task/{review}/comment/create  | session:comment        | 401       | 401            | 401  | 401    | 401         | 401        | 403   | 403     | 403     | 403   |
      | POST   | /camunda/api/engine/engine/default/signal                        | session:signal         | 401       | 401            | 401  | 401    | 401         | 401        | 403   | 403     | 403     | 204   |
      | PUT    | /camunda/api/engine/engine/default/user/auditor/profile          | session:profile        | 401       | 401            | 401  | 401    | 401         | 401        | 403   | 403     | 204     | 204   |
      | PUT    | /camunda/api/engine/engine/default/user/auditor/credentials      | session:{}             | 401       | 401            | 401  | 401    | 401         | 401        | 403   | 403     | 403     | 400   |
      """;

  private static final Map<String, String> BODIES =
      Map.ofEntries(
          Map.entry("{}", "{}"),
          Map.entry("claim-for-acme", "{\"userId\": \"acme\"}"),
          Map.entry("claim-finance", "{\"userId\": \"finance\"}"),
          Map.entry("wrong-type", "{\"variables\": {\"approved\": {\"value\": \"yes\"}}}"),
          Map.entry(
              "extra-fact",
              "{\"variables\": {\"approved\": {\"value\": true}, \"payerAccountId\": {\"value\": \"999999999999\"}}}"),
          Map.entry("integer-value", "{\"value\": 42, \"type\": \"Integer\"}"),
          Map.entry("candidate-acme", "{\"userId\": \"acme\", \"type\": \"candidate\"}"),
          Map.entry("comment", "{\"message\": \"approve now\"}"),
          Map.entry(
              "bad-modification",
              "{\"instructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"NoSuchActivity\"}]}"),
          Map.entry("unknown-message", "{\"messageName\": \"NoSuchMessage\"}"),
          Map.entry("signal", "{\"name\": \"NoSuchSignal\"}"),
          Map.entry("retries", "{\"retries\": 1}"));

  @Autowired private IdentityService identityService;

  private final Map<String, String> fixture = new LinkedHashMap<>();

  /** The offboardings, tasks and filter that the table's placeholders name. */
  private void createFixture() {
    if (identityService.createUserQuery().userId(INTRUDER).count() == 0) {
      User intruder = identityService.newUser(INTRUDER);
      intruder.setPassword("the-right-password");
      identityService.saveUser(intruder);
      identityService.createMembership(INTRUDER, Role.IAAS_SALES.groupId());
    }
    api.client(READER, readerSecret());
    fixture.put("reader", READER);
    fixture.put("noClient", "no-such-client");
    String reviewed = journeys.start("acme", TestRequests.randomPayer());
    fixture.put("reviewed", reviewed);
    fixture.put("review", journeys.awaitTask("sales", reviewed, "Task_ReviewRequest"));
    fixture.put(
        "instance",
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(reviewed)
            .singleResult()
            .getId());
    String open = journeys.start("acme", TestRequests.randomPayer());
    journeys.work("sales", open, "Task_ReviewRequest", Map.of("approved", true));
    journeys.awaitView("acme", open, view -> Journeys.hasAction(view, "UPLOAD_SIGNED_CTA"));
    fixture.put("open", open);
    fixture.put(
        "openPayer",
        api.get("acme", "/api/offboardings/" + open).json().path("payerAccountId").asText());
    String ended = journeys.start("acme", TestRequests.randomPayer());
    String endedInstance =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(ended)
            .singleResult()
            .getId();
    assertThat(
            api.postJson("acme", "/api/offboardings/" + ended + "/withdrawal", Map.of()).status())
        .isEqualTo(202);
    journeys.awaitStatus("acme", ended, "WITHDRAWN");
    fixture.put("ended", ended);
    fixture.put("endedInstance", endedInstance);
    JsonNode filters =
        api.get(
                "sales",
                "/engine-rest/filter?name="
                    + URLEncoder.encode("My group's open tasks", StandardCharsets.UTF_8))
            .json();
    fixture.put("filter", filters.get(0).path("id").asText());
    // the auditor's profile as it is: saving it again changes nothing
    fixture.put("auditorProfile", api.get("admin", "/engine-rest/user/auditor/profile").text());
  }

  @Test
  void everyCallerGetsTheAnswerOfTheTable() {
    createFixture();
    List<Row> rows = rows();
    Map<String, WebappSession> sessions = new LinkedHashMap<>();
    List<String> wrong = new ArrayList<>();
    for (Row row : rows) {
      for (int i = 0; i < CALLERS.size(); i++) {
        String caller = CALLERS.get(i);
        Api.Response response = send(row, caller, sessions);
        if (response.status() != row.expected().get(i)) {
          wrong.add(
              "%s %s as %s: expected %d, got %s"
                  .formatted(
                      row.method(),
                      row.path(),
                      caller,
                      row.expected().get(i),
                      abbreviated(response)));
        }
      }
    }
    System.out.printf(
        "Authorization matrix: %d operations x %d callers = %d pairs%n",
        rows.size(), CALLERS.size(), rows.size() * CALLERS.size());
    assertThat(wrong).as("cells of the authorization matrix that do not hold").isEmpty();
  }

  @Test
  void everyOperationOfTheApiHasItsRows() {
    JsonNode paths = api.get("admin", "/v3/api-docs").json().path("paths");
    Set<String> documented = new LinkedHashSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      path.getValue()
          .fieldNames()
          .forEachRemaining(
              method ->
                  documented.add(
                      method.toUpperCase()
                          + " "
                          + path.getKey().replaceAll("\\{[a-zA-Z]+}", "{id}")));
    }
    Set<String> inMatrix = new LinkedHashSet<>();
    rows()
        .forEach(
            row ->
                inMatrix.add(row.method() + " " + row.path().replaceAll("\\{[a-zA-Z]+}", "{id}")));

    assertThat(documented).isNotEmpty();
    assertThat(inMatrix).containsAll(documented);
  }

  @Test
  void aTaskGoesOnlyToAMemberOfItsCandidateGroup() {
    if (identityService.createUserQuery().userId("sales2").count() == 0) {
      User colleague = identityService.newUser("sales2");
      colleague.setPassword("sales2");
      identityService.saveUser(colleague);
      identityService.createMembership("sales2", Role.IAAS_SALES.groupId());
    }
    String id = journeys.start("acme", TestRequests.randomPayer());
    String review = journeys.awaitTask("sales", id, "Task_ReviewRequest");

    Api.Response toReseller =
        api.postJson("sales", "/engine-rest/task/" + review + "/claim", Map.of("userId", "acme"));
    Api.Response toFinance =
        api.postJson(
            "admin", "/engine-rest/task/" + review + "/assignee", Map.of("userId", "finance"));
    JsonNode unassigned = api.get("sales", "/engine-rest/task/" + review).json();
    Api.Response toColleague =
        api.postJson("sales", "/engine-rest/task/" + review + "/claim", Map.of("userId", "sales2"));

    assertThat(toReseller.status()).as(toReseller.toString()).isEqualTo(400);
    assertThat(toReseller.json().path("message").asText())
        .contains(
            "can be claimed or assigned only to a member of its candidate group (iaas-sales); 'acme' is not one");
    assertThat(toFinance.status()).as(toFinance.toString()).isEqualTo(400);
    assertThat(unassigned.path("assignee").isNull()).as(unassigned.toString()).isTrue();
    assertThat(toColleague.status()).as(toColleague.toString()).isEqualTo(204);
    assertThat(api.get("sales2", "/engine-rest/task/" + review).json().path("assignee").asText())
        .isEqualTo("sales2");
  }

  @Test
  void anOffboardingRunsInExactlyOneProcessInstance() {
    String id = journeys.start("acme", TestRequests.randomPayer());
    journeys.awaitTask("sales", id, "Task_ReviewRequest");
    String start = "/engine-rest/process-definition/key/masterPayerOffboarding/start";

    Api.Response second = api.postJson("admin", start, Map.of("businessKey", id));
    Api.Response noOffboarding =
        api.postJson("admin", start, Map.of("businessKey", "not-an-offboarding"));
    Api.Response withoutKey = api.postJson("admin", start, Map.of());

    assertThat(second.status()).as(second.toString()).isEqualTo(400);
    assertThat(second.json().path("message").asText())
        .contains("one process instance per offboarding");
    assertThat(noOffboarding.status()).as(noOffboarding.toString()).isEqualTo(400);
    assertThat(withoutKey.status()).as(withoutKey.toString()).isEqualTo(400);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(id).count())
        .isEqualTo(1);
    assertThat(journeys.awaitTask("sales", id, "Task_ReviewRequest")).isNotBlank();
  }

  @Test
  void aBpmnErrorThatNothingCatchesFailsTheCallInsteadOfEndingTheJourneyUnnoticed() {
    String id = journeys.start("acme", TestRequests.randomPayer());
    String review = journeys.awaitTask("sales", id, "Task_ReviewRequest");

    Api.Response thrown =
        api.postJson(
            "admin",
            "/engine-rest/task/" + review + "/bpmnError",
            Map.of("errorCode", "NO_SUCH_ERROR"));

    assertThat(thrown.status()).as(thrown.toString()).isEqualTo(400);
    assertThat(thrown.json().path("message").asText()).contains("no error handler was defined");
    assertThat(journeys.awaitTask("sales", id, "Task_ReviewRequest")).isEqualTo(review);
    assertThat(api.get("acme", "/api/offboardings/" + id).json().path("stage").asText())
        .isEqualTo("REVIEW");
  }

  @Test
  void resellersCannotLogInToTasklistOrCockpit() {
    assertThat(WebappSession.login(api, "acme").response().status()).isEqualTo(401);
    assertThat(WebappSession.login(api, "globex").response().status()).isEqualTo(401);
    assertThat(
            WebappSession.login(api, "/camunda/api/admin/auth/user/default/login/cockpit", "sales")
                .page()
                .status())
        .isEqualTo(403);
    Api.Response sales = WebappSession.login(api, "sales").response();
    assertThat(sales.status()).as(sales.toString()).isEqualTo(200);
    assertThat(sales.json().path("authorizedApps").toString()).contains("tasklist");
  }

  // --- the table -------------------------------------------------------------------------------

  record Row(String method, String path, String body, List<Integer> expected) {}

  private static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    for (String line : MATRIX.strip().split("\n")) {
      String[] cells = line.strip().replaceAll("^\\||\\|$", "").split("\\|");
      if (cells[0].strip().equals("method")) {
        List<String> header = Arrays.stream(cells).skip(3).map(String::strip).toList();
        assertThat(header).as("the matrix's columns").isEqualTo(CALLERS);
        continue;
      }
      List<Integer> expected =
          Arrays.stream(cells).skip(3).map(String::strip).map(Integer::valueOf).toList();
      rows.add(new Row(cells[0].strip(), cells[1].strip(), cells[2].strip(), expected));
    }
    return rows;
  }

  private Api.Response send(Row row, String caller, Map<String, WebappSession> sessions) {
    String path = row.path();
    for (Map.Entry<String, String> placeholder : fixture.entrySet()) {
      path = path.replace("{" + placeholder.getKey() + "}", placeholder.getValue());
    }
    String body = row.body();
    if (body.equals("login")) {
      // Camunda's own password login, which single sign-on replaces
      String sent = credentials(caller) == null ? ":" : credentials(caller);
      String pair = sent.contains(":") ? sent : sent + ":" + sent;
      int colon = pair.indexOf(':');
      return WebappSession.anonymous(api)
          .postForm(
              path,
              "username=" + pair.substring(0, colon) + "&password=" + pair.substring(colon + 1));
    }
    if (body.startsWith("session:")) {
      WebappSession session =
          sessions.computeIfAbsent(
              caller,
              c ->
                  WebappSession.login(
                      api, "/camunda/api/admin/auth/user/default/login/welcome", credentials(c)));
      return session.send(row.method(), path, json(body.substring("session:".length())));
    }
    String user = credentials(caller);
    if (body.equals("pdf")) {
      return api.put(user, path, "application/pdf", TestPdf.withText("signed"));
    }
    if (body.equals("bad-csv")) {
      return api.post(
          user,
          path,
          "text/csv",
          "accountId,resellerId,name\n12345,ACME,Too short\n".getBytes(StandardCharsets.UTF_8));
    }
    return api.send(user, row.method(), path, json(body));
  }

  /** The JSON body a row names; the fixture's own for those that depend on it. */
  private String json(String body) {
    return switch (body) {
      case "" -> null;
      case "profile" -> fixture.get("auditorProfile");
      case "second-instance" -> "{\"businessKey\": \"" + fixture.get("open") + "\"}";
      default -> BODIES.get(body);
    };
  }

  /** A secret of the read-only client: registered on first use, else rotated. */
  private String readerSecret() {
    Api.Response made =
        api.postJson(
            "admin",
            "/api/admin/clients",
            Map.of(
                "resellerId",
                "ACME",
                "name",
                "Authorization matrix: read only",
                "clientId",
                READER,
                "scopes",
                List.of("offboardings:read")));
    if (made.status() == 409) {
      made = api.postJson("admin", "/api/admin/clients/" + READER + "/secret", Map.of());
    }
    assertThat(made.status()).as(made.toString()).isIn(200, 201);
    return made.json().path("clientSecret").asText();
  }

  /** The credentials each column sends; null for none. */
  private static String credentials(String caller) {
    return switch (caller) {
      case "anonymous" -> null;
      case "wrong password" -> INTRUDER + ":not-the-password";
      case "acme reader" -> READER;
      case "acme basic" -> "acme:acme";
      default -> caller;
    };
  }

  private static String abbreviated(Api.Response response) {
    String text = response.toString();
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
