package com.ingrammicro.masterpayer.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.springframework.stereotype.Component;

/**
 * Records a message correlation that a reseller's API call makes (withdrawal, signed CTA) in the
 * user operation log, as an operation of the authenticated user on the process instance. Logged in
 * the correlation's own command and before it, the entry comes first in the trail and its operation
 * id also marks the variables the correlation sets. Callers roll back when the correlation is
 * refused, so a refused call leaves no entry.
 *
 * <p>An adapter on the engine's internals, and the only one for this, because the public API
 * neither writes this entry nor lets the application write one. Camunda 7.24 logs nothing for
 * {@code correlate()} / {@code correlateWithResult()}; {@code correlateAll()} logs a {@code
 * CorrelateMessage} entry, but without the process instance (its process instance and definition
 * are empty, so queries of the instance's log, the audit trail's and engine-rest's, do not find
 * it), with the message name and the number of variables instead of the variables, and written
 * after the correlation's effects.
 */
@Component
class CorrelationOperationLog {

  private final CommandExecutor commands;

  CorrelationOperationLog(ProcessEngineConfigurationImpl configuration) {
    this.commands = configuration.getCommandExecutorTxRequired();
  }

  /**
   * Logs the correlation of {@code messageName} with {@code variables} to the process instance,
   * then runs {@code correlation}, whose engine calls join the same command.
   */
  <T> T logged(
      String processInstanceId,
      String messageName,
      Map<String, Object> variables,
      Supplier<T> correlation) {
    return commands.execute(
        context -> {
          log(context, processInstanceId, messageName, variables);
          return correlation.get();
        });
  }

  private static void log(
      CommandContext context,
      String processInstanceId,
      String messageName,
      Map<String, Object> variables) {
    ExecutionEntity instance = context.getExecutionManager().findExecutionById(processInstanceId);
    List<PropertyChange> changes = new ArrayList<>();
    variables.forEach((name, value) -> changes.add(new PropertyChange(name, null, value)));
    changes.add(new PropertyChange("messageName", null, messageName));
    context
        .getOperationLogManager()
        .logProcessInstanceOperation(
            UserOperationLogEntry.OPERATION_TYPE_CORRELATE_MESSAGE,
            processInstanceId,
            instance == null ? null : instance.getProcessDefinitionId(),
            instance == null ? null : instance.getProcessDefinition().getKey(),
            changes);
  }
}
