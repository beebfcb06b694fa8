package com.ingrammicro.masterpayer.performance;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements the application sends to the database, by wrapping its one DataSource
 * (the engine, Flyway and the application's repositories all use it): every {@code execute*} call
 * is one round trip; a JDBC batch is one round trip carrying {@code addBatch} statements. The
 * benchmark's own look-ups for work to do run {@link #uncounted}, so only what users and the engine
 * cause is counted.
 */
final class StatementCounter implements BeanPostProcessor {

  private static final AtomicLong ROUND_TRIPS = new AtomicLong();
  private static final AtomicLong STATEMENTS = new AtomicLong();
  private static final ThreadLocal<Boolean> UNCOUNTED = ThreadLocal.withInitial(() -> false);

  record Counts(long roundTrips, long statements) {

    Counts minus(Counts earlier) {
      return new Counts(roundTrips - earlier.roundTrips, statements - earlier.statements);
    }
  }

  static Counts now() {
    return new Counts(ROUND_TRIPS.get(), STATEMENTS.get());
  }

  static <T> T uncounted(Supplier<T> work) {
    boolean before = UNCOUNTED.get();
    UNCOUNTED.set(true);
    try {
      return work.get();
    } finally {
      UNCOUNTED.set(before);
    }
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
      return proxy(
          DataSource.class,
          dataSource,
          (target, method, args) -> {
            Object result = invoke(target, method, args);
            return result instanceof Connection connection ? counting(connection) : result;
          });
    }
    return bean;
  }

  private static Connection counting(Connection connection) {
    return proxy(
        Connection.class,
        connection,
        (target, method, args) -> {
          Object result = invoke(target, method, args);
          if (result instanceof CallableStatement statement) {
            return counting(CallableStatement.class, statement);
          }
          if (result instanceof PreparedStatement statement) {
            return counting(PreparedStatement.class, statement);
          }
          if (result instanceof Statement statement) {
            return counting(Statement.class, statement);
          }
          return result;
        });
  }

  private static <S extends Statement> S counting(Class<S> type, S statement) {
    return proxy(
        type,
        statement,
        (target, method, args) -> {
          Object result = invoke(target, method, args);
          if (!UNCOUNTED.get()) {
            String name = method.getName();
            if (name.equals("addBatch")) {
              STATEMENTS.incrementAndGet();
            } else if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
              ROUND_TRIPS.incrementAndGet();
            } else if (name.startsWith("execute")) {
              ROUND_TRIPS.incrementAndGet();
              STATEMENTS.incrementAndGet();
            }
          }
          return result;
        });
  }

  private interface Handler<T> {
    Object handle(T target, Method method, Object[] args) throws Throwable;
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, T target, Handler<T> handler) {
    InvocationHandler invocation =
        (proxy, method, args) -> {
          if (method.getName().equals("unwrap")
              && args != null
              && args[0] instanceof Class<?> wanted
              && wanted.isInstance(proxy)) {
            return proxy;
          }
          return handler.handle(target, method, args);
        };
    return (T)
        Proxy.newProxyInstance(
            StatementCounter.class.getClassLoader(), new Class<?>[] {type}, invocation);
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
