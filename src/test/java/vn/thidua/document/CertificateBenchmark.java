package vn.thidua.document;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Certificates per second and the decision with a 200-row annex ({@link DocumentThroughput}), alone,
 * without the city benchmark around it. Skipped unless asked for:
 * {@code ./mvnw -B -q test -Dbpmnlint.skip -Dtest=CertificateBenchmark -Dbench.documents=true}.
 */
@EnabledIfSystemProperty(named = "bench.documents", matches = "true")
class CertificateBenchmark {

	private static final Logger LOG = LoggerFactory.getLogger(CertificateBenchmark.class);

	@Test
	void shouldMeasureCertificatesPerSecond() throws Exception {
		Map<String, Object> result = DocumentThroughput.measure(Integer.getInteger("bench.runs", 7),
				Integer.getInteger("bench.perRun", 40), 200);
		System.gc();
		Runtime rt = Runtime.getRuntime();
		LOG.info("Documents: {}, heap used after GC {} MiB of {} MiB", result, (rt.totalMemory() - rt.freeMemory()) >> 20,
				rt.maxMemory() >> 20);
	}

}
