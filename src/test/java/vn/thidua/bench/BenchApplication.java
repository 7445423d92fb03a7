package vn.thidua.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

import vn.thidua.ThiDuaApplication;

/**
 * Starts the real application (the same main class and application.yaml as production) inside the
 * benchmark's JVM, with the given properties as command-line arguments (they win over
 * application.yaml), and measures the time to ready. Test-only configuration classes elsewhere in
 * the test classpath (recording notifiers of other tests) are kept out of the component scan.
 */
final class BenchApplication implements AutoCloseable {

	final ConfigurableApplicationContext context;

	final long startMillis;

	final int port;

	private BenchApplication(ConfigurableApplicationContext context, long startMillis) {
		this.context = context;
		this.startMillis = startMillis;
		this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	static BenchApplication start(Map<String, String> properties) {
		List<String> args = new ArrayList<>();
		properties.forEach((k, v) -> args.add("--" + k + "=" + v));
		SpringApplication app = new SpringApplicationBuilder(ThiDuaApplication.class).build();
		app.addInitializers(ctx -> ctx.getBeanFactory()
			.registerSingleton("benchTestTypeExcludeFilter", new TestClassesExcludeFilter()));
		long start = System.nanoTime();
		// run() returns once ApplicationReadyEvent has been published: the application is ready
		ConfigurableApplicationContext context = app.run(args.toArray(String[]::new));
		return new BenchApplication(context, (System.nanoTime() - start) / 1_000_000);
	}

	<T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	@Override
	public void close() {
		context.close();
	}

	/** Used heap after a full collection, in MiB (the whole JVM: application plus benchmark driver). */
	static long usedHeapMiB() {
		for (int i = 0; i < 3; i++) {
			System.gc();
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
	}

	/** Leaves out classes compiled from src/test (except this package), as Spring Boot's tests do. */
	static final class TestClassesExcludeFilter extends TypeExcludeFilter {

		@Override
		public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
			String className = reader.getClassMetadata().getClassName();
			return reader.getResource().getURL().toString().contains("/test-classes/")
					&& !className.startsWith("vn.thidua.bench.");
		}

		@Override
		public boolean equals(Object obj) {
			return obj != null && obj.getClass() == getClass();
		}

		@Override
		public int hashCode() {
			return getClass().hashCode();
		}

	}

}
