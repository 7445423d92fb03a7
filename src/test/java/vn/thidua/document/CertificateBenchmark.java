package vn.thidua.document;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Certificates per second (render with its QR code, HTML to PDF, SHA-256), the median of several
 * runs on one thread, and the heap. Skipped unless asked for:
 * {@code ./mvnw -B -q test -Dbpmnlint.skip -Dtest=CertificateBenchmark -Dbench.documents=true}.
 */
@EnabledIfSystemProperty(named = "bench.documents", matches = "true")
class CertificateBenchmark {

	private static final Logger LOG = LoggerFactory.getLogger(CertificateBenchmark.class);

	@Test
	void shouldMeasureCertificatesPerSecond() {
		Documents documents = new Documents(new DocumentTemplates(), new HtmlToPdf());
		int perRun = Integer.getInteger("bench.perRun", 40);
		int runs = Integer.getInteger("bench.runs", 5);
		for (int i = 0; i < 20; i++) {
			documents.certificate(DocumentSamples.certificate(url(i)));
		}
		System.gc();
		List<Double> rates = new ArrayList<>();
		long bytes = 0;
		for (int r = 0; r < runs; r++) {
			long start = System.nanoTime();
			for (int i = 0; i < perRun; i++) {
				byte[] pdf = documents.certificate(DocumentSamples.certificate(url(r * perRun + i)));
				DocumentService.sha256(pdf);
				bytes = pdf.length;
			}
			rates.add(perRun / ((System.nanoTime() - start) / 1e9));
		}
		List<Double> sorted = new ArrayList<>(rates);
		Collections.sort(sorted);
		long peak = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(p -> p.getType() == MemoryType.HEAP)
			.map(MemoryPoolMXBean::getPeakUsage)
			.mapToLong(u -> u.getUsed())
			.sum();
		System.gc();
		Runtime rt = Runtime.getRuntime();
		long afterGc = rt.totalMemory() - rt.freeMemory();
		String line = String.format(
				"certificates/s median %.1f (runs %s, %d each, one thread), PDF %d bytes, heap used after GC %d MiB, peak of heap pools %d MiB, max heap %d MiB",
				sorted.get(sorted.size() / 2), rates.stream().map(v -> String.format("%.1f", v)).toList(), perRun, bytes,
				afterGc >> 20, peak >> 20, rt.maxMemory() >> 20);
		LOG.info(line);
		System.err.println("BENCH " + line);
	}

	private static String url(int i) {
		return "https://thidua.example.org/xac-minh/" + DocumentService.newCode();
	}

}
