package vn.thidua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.thidua.support.Http;
import vn.thidua.support.IntegrationTest;

/**
 * Upload and download of one 20 MB document (the default per-file limit) through the HTTP API, on
 * PostgreSQL: the time of each and the application's heap before and after, and the peak of the
 * heap pools during the transfer (the test client streams from and to disk, so the peak is the
 * server's). Not part of the normal run (surefire only picks up {@code *Test}); run it with
 * {@code ./mvnw -B test -Dtest=DossierTransferBenchmark -Dsurefire.failIfNoSpecifiedTests=false};
 * the figures go to the log and to {@code target/bench/dossier-transfer.txt}.
 */
@Tag("benchmark")
@IntegrationTest
class DossierTransferBenchmark {

	private static final Logger LOG = LoggerFactory.getLogger(DossierTransferBenchmark.class);

	private static final int SIZE = 20 * 1024 * 1024;

	@LocalServerPort
	int port;

	@Test
	void shouldStreamA20MegabyteDocumentBothWays() throws Exception {
		// given: a 20 MB PDF on disk and a nomination waiting for its dossier
		Path file = Files.createTempFile("dossier-20mb", ".pdf");
		MessageDigest sha = DossierService.sha256();
		try (OutputStream out = Files.newOutputStream(file)) {
			byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
			out.write(head);
			sha.update(head);
			Random random = new Random(15);
			byte[] block = new byte[64 * 1024];
			for (long written = head.length; written < SIZE;) {
				random.nextBytes(block);
				int n = (int) Math.min(block.length, SIZE - written);
				out.write(block, 0, n);
				sha.update(block, 0, n);
				written += n;
			}
		}
		String expected = HexFormat.of().formatHex(sha.digest());
		String pid = startNomination();
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		String boundary = "----bench20mb";
		HttpRequest upload = HttpRequest.newBuilder(URI.create(base() + "/api/nominations/" + pid + "/documents"))
			.header("Authorization", Multipart.basic("head1"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.concat(
					HttpRequest.BodyPublishers.ofString("--" + boundary
							+ "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nBAO_CAO_THANH_TICH\r\n--" + boundary
							+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"Báo cáo 20 MB.pdf\"\r\n"
							+ "Content-Type: application/pdf\r\n\r\n", StandardCharsets.UTF_8),
					HttpRequest.BodyPublishers.ofFile(file),
					HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n", StandardCharsets.UTF_8)))
			.build();

		// when: upload
		long heapBefore = usedHeapAfterGc();
		resetPeaks();
		long t0 = System.nanoTime();
		HttpResponse<String> uploaded = client.send(upload, HttpResponse.BodyHandlers.ofString());
		long uploadMillis = (System.nanoTime() - t0) / 1_000_000;
		long uploadPeak = peakHeap();
		long heapAfterUpload = usedHeapAfterGc();
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
		assertThat(uploaded.body()).contains(expected);
		long id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(uploaded.body()).get("id").asLong();

		// and download, digested as it arrives
		resetPeaks();
		t0 = System.nanoTime();
		HttpResponse<InputStream> downloaded = client.send(
				HttpRequest.newBuilder(URI.create(base() + "/api/nominations/" + pid + "/documents/" + id))
					.header("Authorization", Multipart.basic("board1"))
					.build(),
				HttpResponse.BodyHandlers.ofInputStream());
		MessageDigest received = DossierService.sha256();
		long bytes;
		try (InputStream in = new DigestInputStream(downloaded.body(), received)) {
			bytes = in.transferTo(OutputStream.nullOutputStream());
		}
		long downloadMillis = (System.nanoTime() - t0) / 1_000_000;
		long downloadPeak = peakHeap();
		long heapAfterDownload = usedHeapAfterGc();
		Files.delete(file);

		// then
		assertThat(bytes).isEqualTo(SIZE);
		assertThat(HexFormat.of().formatHex(received.digest())).isEqualTo(expected);
		String line = String.format(
				"dossier 20 MB on PostgreSQL: upload %d ms, download %d ms; heap used after GC: before %d MB, after upload %d MB,"
						+ " after download %d MB; peak of heap pools during upload %d MB, during download %d MB (max heap %d MB)",
				uploadMillis, downloadMillis, mb(heapBefore), mb(heapAfterUpload), mb(heapAfterDownload), mb(uploadPeak),
				mb(downloadPeak), mb(Runtime.getRuntime().maxMemory()));
		LOG.info(line);
		Files.createDirectories(Path.of("target", "bench"));
		Files.writeString(Path.of("target", "bench", "dossier-transfer.txt"), line + System.lineSeparator());
	}

	private String startNomination() {
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("nomineeType", Map.of("value", "INDIVIDUAL"));
		variables.put("nomineeName", Map.of("value", "Hồ sơ lớn " + System.nanoTime()));
		variables.put("periodYear", Map.of("value", LocalDate.now().getYear(), "type", "Long"));
		variables.put("awardCode", Map.of("value", "GK_HOI_PHUONG"));
		variables.put("achievementReport", Map.of("value", "Thành tích."));
		variables.put("reviewMeetingDate", Map.of("value", LocalDate.now().minusDays(1).toString()));
		variables.put("reviewMeetingAgreed", Map.of("value", true));
		variables.put("noDisciplineDeclared", Map.of("value", true));
		Http.Reply started = new Http(port).post("head1",
				"/engine-rest/process-definition/key/CommendationNomination/submit-form", Map.of("variables", variables));
		assertThat(started.status()).as(started.body()).isEqualTo(200);
		return started.json().get("id").asText();
	}

	private String base() {
		return "http://localhost:" + port;
	}

	private static long usedHeapAfterGc() throws InterruptedException {
		System.gc();
		Thread.sleep(200);
		Runtime runtime = Runtime.getRuntime();
		return runtime.totalMemory() - runtime.freeMemory();
	}

	private static void resetPeaks() {
		ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	/** Sum of the heap pools' peaks since the reset: an upper bound of the heap in use at any moment. */
	private static long peakHeap() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(p -> p.getType() == MemoryType.HEAP)
			.mapToLong(p -> p.getPeakUsage().getUsed())
			.sum();
	}

	private static long mb(long bytes) {
		return bytes / (1024 * 1024);
	}

}
