package com.ingrammicro.masterpayer.audit;

import static com.ingrammicro.masterpayer.audit.Timeline.details;
import static com.ingrammicro.masterpayer.audit.Timeline.utc;

import com.ingrammicro.masterpayer.audit.Timeline.Phase;
import com.ingrammicro.masterpayer.audit.Trail.EntryType;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.springframework.stereotype.Component;

/**
 * What went wrong in the asynchronous steps: incidents opened and resolved, each failed attempt
 * with the retries left, and a success after failures.
 */
@Component
class IncidentSource implements TrailSource {

  @Override
  public void addTo(Timeline timeline, TrailSubject subject) {
    for (HistoricIncident incident : subject.history().incidents()) {
      Map<String, Object> incidentDetails =
          details(
              "incidentId",
              incident.getId(),
              "incidentType",
              incident.getIncidentType(),
              "message",
              incident.getIncidentMessage());
      timeline.add(
          utc(incident.getCreateTime()),
          Phase.INCIDENT,
          EntryType.INCIDENT_OPENED,
          incident.getActivityId(),
          null,
          null,
          "Incident: " + incident.getIncidentMessage(),
          incidentDetails);
      if (incident.getEndTime() != null) {
        timeline.add(
            utc(incident.getEndTime()),
            Phase.INCIDENT,
            EntryType.INCIDENT_RESOLVED,
            incident.getActivityId(),
            null,
            null,
            incident.isResolved() ? "Incident resolved" : "Incident removed with its instance",
            incidentDetails);
      }
    }
    Map<String, Integer> failures = new HashMap<>();
    for (HistoricJobLog log : subject.history().jobLog()) {
      if (log.isFailureLog()) {
        int failed = failures.merge(log.getJobId(), 1, Integer::sum);
        timeline.add(
            utc(log.getTimestamp()),
            Phase.JOB,
            EntryType.JOB_FAILED,
            log.getActivityId(),
            null,
            null,
            "Attempt "
                + failed
                + " failed: "
                + log.getJobExceptionMessage()
                + " ("
                + log.getJobRetries()
                + " retries left)",
            details(
                "jobId",
                log.getJobId(),
                "retriesLeft",
                log.getJobRetries(),
                "exception",
                log.getJobExceptionMessage()));
      } else if (log.isSuccessLog() && failures.containsKey(log.getJobId())) {
        timeline.add(
            utc(log.getTimestamp()),
            Phase.JOB,
            EntryType.JOB_RETRIED,
            log.getActivityId(),
            null,
            null,
            "Succeeded after " + failures.get(log.getJobId()) + " failed attempts",
            details("jobId", log.getJobId()));
      }
    }
  }
}
