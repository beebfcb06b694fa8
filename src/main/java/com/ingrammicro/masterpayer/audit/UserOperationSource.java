package com.ingrammicro.masterpayer.audit;

import static com.ingrammicro.masterpayer.audit.Timeline.details;
import static com.ingrammicro.masterpayer.audit.Timeline.utc;

import com.ingrammicro.masterpayer.audit.Timeline.Phase;
import com.ingrammicro.masterpayer.audit.Trail.EntryType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Component;

/**
 * What users did through the engine (Camunda's user operation log), one entry per operation with
 * its properties.
 */
@Component
class UserOperationSource implements TrailSource {

  @Override
  public void addTo(Timeline timeline, TrailSubject subject) {
    for (List<UserOperationLogEntry> entries : subject.history().operations().operations()) {
      UserOperationLogEntry first = entries.get(0);
      Map<String, Object> properties = new LinkedHashMap<>();
      entries.stream()
          .filter(entry -> entry.getProperty() != null)
          .forEach(entry -> properties.put(entry.getProperty(), entry.getNewValue()));
      timeline.add(
          utc(first.getTimestamp()),
          Phase.OPERATION,
          EntryType.USER_OPERATION,
          null,
          null,
          first.getUserId(),
          first.getUserId() + ": " + first.getOperationType() + " " + first.getEntityType(),
          details(
              "operationId",
              first.getOperationId(),
              "operationType",
              first.getOperationType(),
              "entityType",
              first.getEntityType(),
              "category",
              first.getCategory(),
              "taskId",
              first.getTaskId(),
              "properties",
              properties,
              "annotation",
              first.getAnnotation()));
    }
  }
}
