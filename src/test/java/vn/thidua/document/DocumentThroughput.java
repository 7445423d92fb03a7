package vn.thidua.document;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * How fast the documents are made, for the benchmarks ({@code CertificateBenchmark}, the city
 * benchmark): certificates per second (render with its QR code, HTML to PDF, SHA-256) on one thread
 * and on every core, each the median of several runs, and the time to make a decision whose annex
 * lists a given number of awardees (median of five). The production renderer, no server around it.
 */
public final class DocumentThroughput {

	private DocumentThroughput() {
	}

	public static Map<String, Object> measure(int runs, int perRun, int annexRows) throws Exception {
		Documents documents = new Documents(new DocumentTemplates(), new HtmlToPdf());
		for (int i = 0; i < 20; i++) {
			certificate(documents);
		}
		int threads = Runtime.getRuntime().availableProcessors();
		List<Double> one = new ArrayList<>();
		List<Double> all = new ArrayList<>();
		long bytes = 0;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			for (int r = 0; r < runs; r++) {
				long start = System.nanoTime();
				for (int i = 0; i < perRun; i++) {
					bytes = certificate(documents);
				}
				one.add(perRun / ((System.nanoTime() - start) / 1e9));
				start = System.nanoTime();
				List<Future<?>> futures = new ArrayList<>();
				for (int t = 0; t < threads; t++) {
					futures.add(pool.submit(() -> {
						for (int i = 0; i < perRun / threads; i++) {
							certificate(documents);
						}
						return null;
					}));
				}
				for (Future<?> f : futures) {
					f.get();
				}
				all.add(perRun / threads * threads / ((System.nanoTime() - start) / 1e9));
			}
		}
		finally {
			pool.shutdownNow();
		}
		List<Documents.Awardee> awardees = new ArrayList<>();
		for (int i = 0; i < annexRows; i++) {
			Documents.Awardee tam = DocumentSamples.tam();
			awardees.add(new Documents.Awardee(tam.title(), tam.name() + " " + (i + 1),
					"Chi hội Tổ dân phố số " + (i % 15 + 1), tam.awardName()));
		}
		Documents.Decision decision = DocumentSamples.decision(awardees);
		documents.decision(decision);
		List<Double> decisionMillis = new ArrayList<>();
		byte[] pdf = null;
		for (int r = 0; r < 5; r++) {
			long start = System.nanoTime();
			pdf = documents.decision(decision);
			DocumentService.sha256(pdf);
			decisionMillis.add((System.nanoTime() - start) / 1e6);
		}
		int pages;
		try (PDDocument document = Loader.loadPDF(pdf)) {
			pages = document.getNumberOfPages();
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("certificatesPerSecond", round(median(all)));
		result.put("certificatesPerSecondThreads", threads);
		result.put("certificatesPerSecondOneThread", round(median(one)));
		result.put("runs", runs + " × " + perRun);
		result.put("certificateBytes", bytes);
		result.put("decisionWithAnnexMs", round(median(decisionMillis)));
		result.put("decisionAnnexRows", annexRows);
		result.put("decisionPages", pages);
		result.put("decisionBytes", pdf.length);
		return result;
	}

	private static long certificate(Documents documents) {
		byte[] pdf = documents.certificate(DocumentSamples.certificate("https://thidua.example.org/xac-minh/"
				+ DocumentService.newCode()));
		DocumentService.sha256(pdf);
		return pdf.length;
	}

	private static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	private static double round(double v) {
		return Math.round(v * 10) / 10.0;
	}

}
