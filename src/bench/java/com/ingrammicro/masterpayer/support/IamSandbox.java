package com.ingrammicro.masterpayer.support;

/**
 * A local IAM/STS sandbox for trying the automated access removal without an AWS account: the test
 * server {@link FakeAws} on a fixed port, seeding each payer account on first use with the
 * distributor's roles and policies ({@link PayerAccounts}). Not AWS: nothing it reports happened
 * anywhere else.
 *
 * <pre>
 * ./mvnw -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=com.ingrammicro.masterpayer.support.IamSandbox
 * </pre>
 *
 * <p>Arguments: the port (4566) and a delay in milliseconds before each IAM answer (0).
 */
public final class IamSandbox {

  private IamSandbox() {}

  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 4566;
    long delayMillis = args.length > 1 ? Long.parseLong(args[1]) : 0;
    FakeAws sandbox = new FakeAws(port).seedOnFirstUse().callDelay(delayMillis);
    System.out.println(
        "AWS SANDBOX (IAM, STS, CloudFormation, S3) - NOT AWS - listening on "
            + sandbox.endpoint()
            + (delayMillis > 0 ? ", each IAM call answered after " + delayMillis + " ms" : ""));
    System.out.println(
        "Engine credentials: AWS_ACCESS_KEY_ID="
            + FakeAws.ENGINE_ACCESS_KEY
            + " AWS_SECRET_ACCESS_KEY="
            + FakeAws.ENGINE_SECRET_KEY);
    System.out.println(
        "Each payer account is seeded on first use with: roles "
            + PayerAccounts.DISTRIBUTOR_ROLES
            + ", policies "
            + PayerAccounts.DISTRIBUTOR_POLICIES
            + ", the stacks "
            + PayerAccounts.CLOUDCHECKR_STACK
            + " and "
            + PayerAccounts.MIXED_STACK
            + ", CUR and CloudTrail buckets whose policies grant CloudCheckr, and the customer's own"
            + " roles. Ctrl-C stops it.");
    Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close));
    Thread.currentThread().join();
  }
}
