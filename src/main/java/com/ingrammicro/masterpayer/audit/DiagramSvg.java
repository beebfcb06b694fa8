package com.ingrammicro.masterpayer.audit;

import com.ingrammicro.masterpayer.audit.Trail.Step;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;

/**
 * Draws a deployed BPMN diagram as SVG from its diagram interchange (the shapes' bounds and the
 * edges' waypoints), with the path an offboarding took highlighted: steps it passed, steps it is
 * in, and the sequence flows between passed steps. Server-side so the audit page needs no modeler
 * library; any version of the diagram renders, including later ones with more steps.
 */
final class DiagramSvg {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT);
  private static final int PADDING = 20;

  private DiagramSvg() {}

  static String render(BpmnModelInstance model, List<Step> steps) {
    Map<String, List<Step>> visits = new LinkedHashMap<>();
    steps.forEach(
        step -> visits.computeIfAbsent(step.activityId(), id -> new ArrayList<>()).add(step));

    List<BpmnShape> shapes = new ArrayList<>(model.getModelElementsByType(BpmnShape.class));
    List<BpmnEdge> edges = new ArrayList<>(model.getModelElementsByType(BpmnEdge.class));
    double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = 0, maxY = 0;
    for (BpmnShape shape : shapes) {
      Bounds b = shape.getBounds();
      minX = Math.min(minX, b.getX());
      minY = Math.min(minY, b.getY());
      maxX = Math.max(maxX, b.getX() + b.getWidth());
      maxY = Math.max(maxY, b.getY() + b.getHeight() + (isEvent(shape.getBpmnElement()) ? 30 : 0));
    }
    StringBuilder svg = new StringBuilder(64 * 1024);
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bpmn\" viewBox=\"")
        .append(n(minX - PADDING))
        .append(' ')
        .append(n(minY - PADDING))
        .append(' ')
        .append(n(maxX - minX + 2 * PADDING))
        .append(' ')
        .append(n(maxY - minY + 2 * PADDING))
        .append("\">\n")
        .append(
            """
            <defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#5f6368"/></marker>
            <marker id="arrow-taken" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#1e8e3e"/></marker></defs>
            <style>
            .bpmn text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:11px;fill:#202124}
            .bpmn .shape{fill:#fff;stroke:#5f6368;stroke-width:1.5}
            .bpmn .container{fill:#fafafa;stroke:#9aa0a6;stroke-width:1.2}
            .bpmn .event-sub{fill:none;stroke-dasharray:4 3}
            .bpmn .visited .shape{fill:#e6f4ea;stroke:#1e8e3e;stroke-width:2.5}
            .bpmn .active .shape{fill:#fef7e0;stroke:#e37400;stroke-width:3}
            .bpmn .visited.container-node .shape{fill:#f4fbf6}
            .bpmn .active.container-node .shape{fill:#fffbf0;stroke-width:2}
            .bpmn .flow{fill:none;stroke:#9aa0a6;stroke-width:1.2}
            .bpmn .flow.taken{stroke:#1e8e3e;stroke-width:2.5}
            .bpmn .badge{fill:#1e8e3e}.bpmn .badge-text{fill:#fff;font-size:10px;font-weight:600}
            .bpmn .kind{font-size:9px;fill:#5f6368}
            .bpmn g.node{cursor:pointer}
            </style>
            """);
    shapes.stream()
        .filter(shape -> shape.getBpmnElement() instanceof SubProcess)
        .sorted(Comparator.comparingDouble(shape -> -area(shape.getBounds())))
        .forEach(shape -> shape(svg, shape, visits));
    for (BpmnEdge edge : edges) {
      edge(svg, edge, visits);
    }
    shapes.stream()
        .filter(shape -> !(shape.getBpmnElement() instanceof SubProcess))
        .forEach(shape -> shape(svg, shape, visits));
    return svg.append("</svg>\n").toString();
  }

  private static void edge(StringBuilder svg, BpmnEdge edge, Map<String, List<Step>> visits) {
    if (!(edge.getBpmnElement() instanceof SequenceFlow flow)) {
      return;
    }
    // History records steps, not flows: a flow counts as taken when both of its ends were passed.
    boolean taken =
        visits.containsKey(flow.getSource().getId())
            && visits.containsKey(flow.getTarget().getId());
    StringBuilder points = new StringBuilder();
    for (Waypoint point : edge.getWaypoints()) {
      points.append(n(point.getX())).append(',').append(n(point.getY())).append(' ');
    }
    svg.append("<polyline class=\"flow")
        .append(taken ? " taken" : "")
        .append("\" data-element-id=\"")
        .append(escape(flow.getId()))
        .append("\" points=\"")
        .append(points.toString().trim())
        .append("\" marker-end=\"url(#")
        .append(taken ? "arrow-taken" : "arrow")
        .append(")\"/>\n");
    if (flow.getName() != null
        && edge.getBpmnLabel() != null
        && edge.getBpmnLabel().getBounds() != null) {
      Bounds label = edge.getBpmnLabel().getBounds();
      svg.append("<text x=\"")
          .append(n(label.getX()))
          .append("\" y=\"")
          .append(n(label.getY() + 10))
          .append("\">")
          .append(escape(flow.getName()))
          .append("</text>\n");
    }
  }

  private static void shape(StringBuilder svg, BpmnShape shape, Map<String, List<Step>> visits) {
    BaseElement element = shape.getBpmnElement();
    if (!(element instanceof FlowNode node)) {
      return;
    }
    Bounds b = shape.getBounds();
    List<Step> passed = visits.getOrDefault(node.getId(), List.of());
    boolean active = passed.stream().anyMatch(step -> step.endedAt() == null);
    String state = active ? " active" : passed.isEmpty() ? "" : " visited";
    boolean container = element instanceof SubProcess;
    svg.append("<g class=\"node")
        .append(state)
        .append(container ? " container-node" : "")
        .append("\" data-element-id=\"")
        .append(escape(node.getId()))
        .append("\"><title>")
        .append(escape(tooltip(node, passed)))
        .append("</title>");
    double x = b.getX(), y = b.getY(), w = b.getWidth(), h = b.getHeight();
    if (element instanceof Event) {
      double r = w / 2;
      svg.append(circle(x + r, y + r, r, "shape"));
      if (element instanceof EndEvent) {
        svg.append(circle(x + r, y + r, r - 2, "shape"));
      } else if (element instanceof BoundaryEvent || element instanceof IntermediateCatchEvent) {
        svg.append(circle(x + r, y + r, r - 3, "shape"));
      }
      if (!(element instanceof StartEvent) || node.getName() != null) {
        label(svg, node.getName(), shape, x - 30, y + h + 4, w + 60);
      }
    } else if (element instanceof Gateway) {
      svg.append("<polygon class=\"shape\" points=\"")
          .append(n(x + w / 2))
          .append(',')
          .append(n(y))
          .append(' ')
          .append(n(x + w))
          .append(',')
          .append(n(y + h / 2))
          .append(' ')
          .append(n(x + w / 2))
          .append(',')
          .append(n(y + h))
          .append(' ')
          .append(n(x))
          .append(',')
          .append(n(y + h / 2))
          .append("\"/>");
      svg.append("<text x=\"")
          .append(n(x + w / 2))
          .append("\" y=\"")
          .append(n(y + h / 2 + 6))
          .append("\" text-anchor=\"middle\" style=\"font-size:18px\">")
          .append(element instanceof ParallelGateway ? "+" : "×")
          .append("</text>");
      label(svg, node.getName(), shape, x - 30, y - 16, w + 60);
    } else if (container) {
      boolean eventSubProcess = ((SubProcess) element).triggeredByEvent();
      svg.append("<rect class=\"shape container")
          .append(eventSubProcess ? " event-sub" : "")
          .append("\" x=\"")
          .append(n(x))
          .append("\" y=\"")
          .append(n(y))
          .append("\" width=\"")
          .append(n(w))
          .append("\" height=\"")
          .append(n(h))
          .append("\" rx=\"10\"/>");
      svg.append("<text x=\"")
          .append(n(x + 10))
          .append("\" y=\"")
          .append(n(y + 18))
          .append("\" style=\"font-weight:600\">")
          .append(escape(node.getName()))
          .append("</text>");
    } else {
      svg.append("<rect class=\"shape\" x=\"")
          .append(n(x))
          .append("\" y=\"")
          .append(n(y))
          .append("\" width=\"")
          .append(n(w))
          .append("\" height=\"")
          .append(n(h))
          .append("\" rx=\"8\"/>");
      svg.append("<text class=\"kind\" x=\"")
          .append(n(x + 6))
          .append("\" y=\"")
          .append(n(y + 12))
          .append("\">")
          .append(kind(element))
          .append("</text>");
      wrapped(svg, node.getName(), x + w / 2, y + h / 2, w - 8);
    }
    if (passed.size() > 1) {
      svg.append(circle(x + w - 2, y + 2, 8, "badge"));
      svg.append("<text class=\"badge-text\" x=\"")
          .append(n(x + w - 2))
          .append("\" y=\"")
          .append(n(y + 5.5))
          .append("\" text-anchor=\"middle\">")
          .append(passed.size())
          .append("</text>");
    }
    svg.append("</g>\n");
  }

  private static String kind(BaseElement element) {
    if (element instanceof UserTask) {
      return "user";
    }
    if (element instanceof SendTask) {
      return "mail";
    }
    if (element instanceof ServiceTask) {
      return "service";
    }
    if (element instanceof ReceiveTask) {
      return "wait";
    }
    return "";
  }

  private static String tooltip(FlowNode node, List<Step> passed) {
    StringBuilder text = new StringBuilder(node.getName() == null ? node.getId() : node.getName());
    if (passed.isEmpty()) {
      text.append("\nnot passed");
    }
    for (Step step : passed) {
      text.append("\nentered ").append(TIME.format(step.startedAt()));
      text.append(
          step.endedAt() == null
              ? ", still here"
              : (step.canceled() ? ", cancelled " : ", left ") + TIME.format(step.endedAt()));
      if (step.completedBy() != null) {
        text.append(", completed by ").append(step.completedBy());
      }
    }
    return text.toString();
  }

  private static void label(
      StringBuilder svg, String text, BpmnShape shape, double x, double y, double width) {
    if (text == null) {
      return;
    }
    if (shape.getBpmnLabel() != null && shape.getBpmnLabel().getBounds() != null) {
      Bounds label = shape.getBpmnLabel().getBounds();
      wrapped(
          svg,
          text,
          label.getX() + label.getWidth() / 2,
          label.getY() + label.getHeight() / 2,
          Math.max(label.getWidth(), 80));
    } else {
      wrapped(svg, text, x + width / 2, y + 8, width);
    }
  }

  /**
   * Text centred on (cx, cy), broken into lines that fit {@code width} at about 6 pixels a
   * character.
   */
  private static void wrapped(StringBuilder svg, String text, double cx, double cy, double width) {
    if (text == null) {
      return;
    }
    int perLine = Math.max(6, (int) (width / 6));
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split("\\s+")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > perLine) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() > 0 ? " " : "").append(word);
    }
    lines.add(line.toString());
    double top = cy - (lines.size() - 1) * 6.5 + 4;
    svg.append("<text text-anchor=\"middle\">");
    for (int i = 0; i < lines.size(); i++) {
      svg.append("<tspan x=\"")
          .append(n(cx))
          .append("\" y=\"")
          .append(n(top + i * 13))
          .append("\">")
          .append(escape(lines.get(i)))
          .append("</tspan>");
    }
    svg.append("</text>");
  }

  private static String circle(double cx, double cy, double r, String cssClass) {
    return "<circle class=\""
        + cssClass
        + "\" cx=\""
        + n(cx)
        + "\" cy=\""
        + n(cy)
        + "\" r=\""
        + n(r)
        + "\"/>";
  }

  private static boolean isEvent(BaseElement element) {
    return element instanceof Event;
  }

  private static double area(Bounds b) {
    return b.getWidth() * b.getHeight();
  }

  private static String n(double value) {
    return value == Math.rint(value)
        ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%.1f", value);
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
