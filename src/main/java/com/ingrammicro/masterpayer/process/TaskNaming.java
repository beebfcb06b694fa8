package com.ingrammicro.masterpayer.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Names every task after the payer account it concerns, e.g. "Review offboarding request – payer
 * 123456789012 (ACME)": Tasklist's list, the reminder mails and the history then say which
 * offboarding a task belongs to without opening it. The diagram keeps the plain activity name.
 */
@Component("taskNaming")
class TaskNaming implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    task.setName(name(task.getName(), (String) task.getVariable(OffboardingProcess.Variables.PAYER_ACCOUNT_ID),
        (String) task.getVariable(OffboardingProcess.Variables.RESELLER_ID)));
  }

  static String name(String activityName, String payerAccountId, String resellerId) {
    return activityName + " – payer " + payerAccountId + " (" + resellerId + ")";
  }
}
