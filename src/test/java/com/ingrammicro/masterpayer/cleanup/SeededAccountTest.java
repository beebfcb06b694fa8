package com.ingrammicro.masterpayer.cleanup;

import com.ingrammicro.masterpayer.support.FakeAws;
import com.ingrammicro.masterpayer.support.PayerAccounts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test of one removal step against the local AWS test server, through the real SDK: each test
 * gets a freshly seeded payer account ({@link PayerAccounts#seed}), a cross-account session in it
 * and an empty journal of the calls made.
 */
abstract class SeededAccountTest {

  static final String EXTERNAL_ID = "external-id-for-the-step-test";

  static FakeAws aws;
  static AwsClients clients;
  static int accounts;

  FakeAws.Account account;
  CrossAccountSession session;
  final List<AwsCall> journal = new ArrayList<>();

  @BeforeAll
  static void startAws() {
    aws = new FakeAws().pageSize(7);
    System.setProperty("aws.accessKeyId", FakeAws.ENGINE_ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", FakeAws.ENGINE_SECRET_KEY);
    clients = new AwsClients(IamRemovalTest.properties(aws));
  }

  @AfterAll
  static void stopAws() {
    clients.destroy();
    aws.close();
  }

  @BeforeEach
  void seed() {
    account =
        PayerAccounts.seed(
            aws.account(String.format("%012d", 223456789012L + ++accounts)), EXTERNAL_ID);
    session = clients.assume(account.id(), EXTERNAL_ID, getClass().getSimpleName());
  }

  @AfterEach
  void closeSession() {
    session.close();
  }
}
