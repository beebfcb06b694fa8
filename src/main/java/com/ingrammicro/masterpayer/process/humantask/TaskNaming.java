package com.ingrammicro.masterpayer.process.humantask;

import com.ingrammicro.masterpayer.offboarding.JourneyProgress;
import com.ingrammicro.masterpayer.offboarding.Offboarding;
import com.ingrammicro.masterpayer.process.OffboardingProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Names every task after the payer account it concerns, e.g. "Review offboarding request – payer
 * 123456789012 (ACME)": Tasklist's list, the reminder mails and the history then say which
 * offboarding a task belongs to without opening it. The diagram keeps the plain activity name.
 * Payer and reseller come from the offboarding record, not from process variables, which a task
 * completion or an administrator could have changed. Both are ids (twelve digits; a reseller id an
 * administrator registered), never text a reseller wrote, and Tasklist shows names as text.
 */
@Component("taskNaming")
public class TaskNaming implements TaskListener {

  private final JourneyProgress offboardings;

  public TaskNaming(JourneyProgress offboardings) {
    this.offboardings = offboardings;
  }

  @Override
  public void notify(DelegateTask task) {
    Offboarding offboarding =
        offboardings.get(OffboardingProcess.offboardingId(task.getExecution()));
    task.setName(name(task.getName(), offboarding.payerAccountId(), offboarding.resellerId()));
  }

  static String name(String activityName, String payerAccountId, String resellerId) {
    return activityName + " – payer " + payerAccountId + " (" + resellerId + ")";
  }
}
