import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local, listening on 127.0.0.1 only. Its own launcher binds every interface and takes any credentials, so a
 * laptop on a shared network would serve its tables to anyone; DynamoDB Local has no option for the address. This
 * runs the same server from the same command-line arguments, and sets its Jetty connector's host before starting it.
 * Run with Java's single-file source launcher: `java -cp <DynamoDBLocal.jar and its libs> LoopbackDynamoDbLocal.java
 * -inMemory -port 8000 -sharedDb`.
 */
public final class LoopbackDynamoDbLocal {
  public static void main(String[] args) throws Exception {
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server server = (Server) field.get(proxy);
    for (Connector connector : server.getConnectors()) {
      ((ServerConnector) connector).setHost("127.0.0.1");
    }
    proxy.start();
    proxy.join();
  }
}
