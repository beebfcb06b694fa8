package com.ingrammicro.masterpayer.system;

import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gives PostgreSQL's planner what it needs to plan Camunda's task queries (Tasklist's filters,
 * engine-rest's task list) in linear time. The engine checks authorizations by joining {@code
 * ACT_RU_AUTHORIZATION} with a filter on permission bits ({@code PERMS_ & 2 = 2}); without
 * statistics on those expressions PostgreSQL guesses that 10 rows match, not the one per open task
 * and candidate group that there are, and compares every task with every authorization: 0.5 s at
 * 2,100 open tasks, about 10 s at 10,000 (docs/performance.md). With these statistics it looks each
 * task's authorizations up by index: 35 ms at 2,100.
 *
 * <p>Created after the engine has created its tables (Flyway runs before that, so this cannot be a
 * migration), after the grants and filters of the earlier set-up steps exist, so {@code analyze}
 * sees them; {@code if not exists} makes it safe on every start of every node.
 */
@Component
@Order(40)
class PostgresQueryStatistics implements EngineSetup {

  private static final Logger log = LoggerFactory.getLogger(PostgresQueryStatistics.class);

  private final JdbcTemplate jdbc;

  PostgresQueryStatistics(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  @Override
  public void setUp(ProcessEngine engine) {
    if (!"postgres".equals(engine.getProcessEngineConfiguration().getDatabaseType())) {
      return;
    }
    try {
      // READ (2) on tasks, READ_TASK (64) and READ_INSTANCE (512) on the process definition
      jdbc.execute(
          "create statistics if not exists act_ru_authorization_perms "
              + "on (perms_ & 2), (perms_ & 64), (perms_ & 512) from act_ru_authorization");
      jdbc.execute("analyze act_ru_authorization");
    } catch (DataAccessException e) {
      // another node creating them at the same moment, say: the queries stay right, only slower
      log.warn(
          "Could not create the planner statistics of act_ru_authorization: {}", e.getMessage());
    }
  }
}
