package com.ingrammicro.masterpayer.system;

import java.util.function.Supplier;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs work in a transaction and runs it again, in a new one, when it lost a race with a concurrent
 * change (an optimistic-locking conflict on the same process instance, for example). The work must
 * read what it decides on inside the transaction, so each attempt decides afresh.
 */
@Component
public class RetryingTransactions {

  static final int ATTEMPTS = 3;

  private final TransactionTemplate transactions;

  RetryingTransactions(PlatformTransactionManager transactionManager) {
    this.transactions = new TransactionTemplate(transactionManager);
  }

  public <T> T execute(Supplier<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transactions.execute(status -> work.get());
      } catch (ConcurrencyFailureException concurrentChange) {
        if (attempt == ATTEMPTS) {
          throw concurrentChange;
        }
      }
    }
  }
}
