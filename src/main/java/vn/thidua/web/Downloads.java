package vn.thidua.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A file to download ({@code Content-Disposition: attachment}), for the CSV and XLSX exports. */
public final class Downloads {

	private Downloads() {
	}

	/** {@code fileName} is ASCII (the exports name their files so). */
	public static ResponseEntity<byte[]> attachment(MediaType type, String fileName, byte[] body) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
			.body(body);
	}

}
