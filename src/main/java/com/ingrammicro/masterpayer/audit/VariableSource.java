package com.ingrammicro.masterpayer.audit;

import static com.ingrammicro.masterpayer.audit.Timeline.details;
import static com.ingrammicro.masterpayer.audit.Timeline.utc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ingrammicro.masterpayer.audit.Timeline.Phase;
import com.ingrammicro.masterpayer.audit.Trail.EntryType;
import com.ingrammicro.masterpayer.cleanup.AccessRemovalVariables;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.springframework.stereotype.Component;

/**
 * Every change of a process variable, whatever its name. The access removal's summaries ({@link
 * AccessRemovalVariables}) are marked as its evidence, their JSON parsed.
 */
@Component
class VariableSource implements TrailSource {

  private final ObjectMapper json;

  VariableSource(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public void addTo(Timeline timeline, TrailSubject subject) {
    for (HistoricVariableUpdate update : subject.history().variableUpdates()) {
      Object value = EngineHistory.value(update);
      boolean cleanup = AccessRemovalVariables.NAMES.contains(update.getVariableName());
      Map<String, Object> entryDetails =
          details(
              "name",
              update.getVariableName(),
              "type",
              update.getTypeName(),
              "revision",
              update.getRevision(),
              "taskId",
              update.getTaskId(),
              "userOperationId",
              update.getUserOperationId());
      entryDetails.put("value", cleanup ? parsedIfJson(value) : value);
      timeline.add(
          utc(update.getTime()),
          Phase.VARIABLE,
          cleanup ? EntryType.CLEANUP : EntryType.VARIABLE,
          null,
          null,
          null,
          (cleanup ? "Access removal evidence " : "Variable ")
              + update.getVariableName()
              + (update.getRevision() == 0
                  ? " set"
                  : " changed (revision " + update.getRevision() + ")"),
          entryDetails);
    }
  }

  private Object parsedIfJson(Object value) {
    if (value instanceof String text && (text.startsWith("{") || text.startsWith("["))) {
      try {
        return json.readTree(text);
      } catch (JsonProcessingException notJson) {
        return text;
      }
    }
    return value;
  }
}
