package se.alfmonitor.bench;

/** The P4 baseline: a JVM that starts, says so, and idles, measured like a service. */
public final class IdleJvm {

    private IdleJvm() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.parseLong(args.length > 0 ? args[0] : "30000"));
    }
}
