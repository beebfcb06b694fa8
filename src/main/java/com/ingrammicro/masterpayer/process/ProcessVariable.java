package com.ingrammicro.masterpayer.process;

import java.util.Objects;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * One variable of a process: its name and the type of its value, so that every read and write of it
 * goes through one declaration (in the spirit of holunda's camunda-bpm-data). A value of another
 * type fails with the variable's name and type - a retried job, then an incident that says what is
 * wrong - instead of a {@link ClassCastException} somewhere else.
 *
 * <pre>{@code
 * Boolean approved = APPROVED.from(execution);
 * CLEANUP_REPORT.on(execution).set(report);
 * complete(task(), variables(APPROVED.with(false), REJECTION_REASON.with("Unknown payer")));
 * }</pre>
 *
 * @param <T> the type of the value
 */
public final class ProcessVariable<T> {

  private final String name;
  private final Class<T> type;
  private final String expected;

  private ProcessVariable(String name, Class<T> type, String expected) {
    this.name = Objects.requireNonNull(name);
    this.type = Objects.requireNonNull(type);
    this.expected = expected;
  }

  public static ProcessVariable<String> stringVariable(String name) {
    return new ProcessVariable<>(name, String.class, "a text");
  }

  public static ProcessVariable<Boolean> booleanVariable(String name) {
    return new ProcessVariable<>(name, Boolean.class, "true or false");
  }

  /** Any number: engine-rest and Tasklist hand in integers, longs or doubles for the same field. */
  public static ProcessVariable<Number> numberVariable(String name) {
    return new ProcessVariable<>(name, Number.class, "a number");
  }

  public static ProcessVariable<Integer> integerVariable(String name) {
    return new ProcessVariable<>(name, Integer.class, "a whole number");
  }

  public static ProcessVariable<Long> longVariable(String name) {
    return new ProcessVariable<>(name, Long.class, "a whole number");
  }

  /** The name as the diagram, the forms and engine-rest know it. */
  public String name() {
    return name;
  }

  public Class<T> type() {
    return type;
  }

  /** The value as the scope sees it (its own, else its parents'), or null when it is not set. */
  public T from(VariableScope scope) {
    return typed(scope.getVariable(name));
  }

  /**
   * The value of the scope itself (say, an input parameter of the activity), or null when it is not
   * set.
   */
  public T fromLocal(VariableScope scope) {
    return typed(scope.getVariableLocal(name));
  }

  /**
   * The value as an execution sees it, read through the public API (tests, code outside a
   * delegate).
   */
  public T from(RuntimeService runtime, String executionId) {
    return typed(runtime.getVariable(executionId, name));
  }

  /** Writes to a scope. */
  public Writer<T> on(VariableScope scope) {
    return new Writer<>(this, scope);
  }

  /** The variable with a value, for a variable map ({@link #variables}). */
  public Value<T> with(T value) {
    return new Value<>(this, value);
  }

  /**
   * A variable map of these values, as the engine's start, correlate and complete calls take one.
   */
  public static VariableMap variables(Value<?>... values) {
    VariableMap map = Variables.createVariables();
    for (Value<?> value : values) {
      map.putValue(value.variable().name(), value.value());
    }
    return map;
  }

  private T typed(Object value) {
    if (value == null || type.isInstance(value)) {
      return type.cast(value);
    }
    throw new IllegalStateException(
        "Process variable '"
            + name
            + "' must be "
            + expected
            + ", but is a "
            + value.getClass().getSimpleName());
  }

  @Override
  public String toString() {
    return name + " (" + type.getSimpleName() + ")";
  }

  /** The writes of one variable in one scope. */
  public static final class Writer<T> {
    private final ProcessVariable<T> variable;
    private final VariableScope scope;

    private Writer(ProcessVariable<T> variable, VariableScope scope) {
      this.variable = variable;
      this.scope = scope;
    }

    /**
     * Sets the value where the variable lives (the nearest scope that has it, else the process
     * instance).
     */
    public void set(T value) {
      scope.setVariable(variable.name(), value);
    }

    public void remove() {
      scope.removeVariable(variable.name());
    }
  }

  /** A variable and a value of its type. */
  public record Value<T>(ProcessVariable<T> variable, T value) {}
}
