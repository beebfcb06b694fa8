package com.ingrammicro.masterpayer.system;

import com.ingrammicro.masterpayer.MasterPayerOffboardingApplication;
import com.ingrammicro.masterpayer.support.TestSmtp;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole application on a random port, H2 and a real SMTP server, started by hand once per test
 * class (in {@code @BeforeAll}), without Spring's test context.
 */
final class ApiUnderTest implements AutoCloseable {

  private final TestSmtp smtp = new TestSmtp().start();
  private final ConfigurableApplicationContext context;

  ApiUnderTest(String databaseName) {
    context = new SpringApplicationBuilder(MasterPayerOffboardingApplication.class)
        .profiles("local", "it")
        .properties("server.port=0", "spring.datasource.url=jdbc:h2:mem:" + databaseName + ";DB_CLOSE_DELAY=-1",
            "spring.mail.host=127.0.0.1", "spring.mail.port=" + smtp.port())
        .run();
  }

  int port() {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  @Override
  public void close() {
    context.close();
    smtp.stop();
  }
}
