package vn.thidua.dossier;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Document bytes in the application's database ({@code thidua_document_chunk}): one row per chunk of
 * {@code thidua.dossier.chunk-size}, so that neither writing nor reading holds more than one chunk in
 * memory, on H2 and PostgreSQL alike (no large-object API, no whole-file {@code bytea}).
 */
class JdbcDocumentStore implements DocumentStore {

	private final JdbcClient jdbc;

	JdbcDocumentStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public ContentWriter create() {
		String key = "db:" + UUID.randomUUID();
		return new ContentWriter() {

			private int seq;

			@Override
			public void write(byte[] bytes, int length) {
				byte[] data = length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
				jdbc.sql("INSERT INTO thidua_document_chunk (storage_key, seq, data) VALUES (:key, :seq, :data)")
					.param("key", key)
					.param("seq", seq++)
					.param("data", data)
					.update();
			}

			@Override
			public String finish() {
				return key;
			}

		};
	}

	@Override
	public InputStream open(String storageKey) throws IOException {
		int chunks = jdbc.sql("SELECT COUNT(*) FROM thidua_document_chunk WHERE storage_key = :key")
			.param("key", storageKey)
			.query(Integer.class)
			.single();
		return new InputStream() {

			private int next;

			private byte[] current = new byte[0];

			private int position;

			private boolean load() {
				while (position >= current.length) {
					if (next >= chunks) {
						return false;
					}
					current = jdbc.sql("SELECT data FROM thidua_document_chunk WHERE storage_key = :key AND seq = :seq")
						.param("key", storageKey)
						.param("seq", next++)
						.query(byte[].class)
						.single();
					position = 0;
				}
				return true;
			}

			@Override
			public int read() {
				return load() ? current[position++] & 0xff : -1;
			}

			@Override
			public int read(byte[] b, int off, int len) {
				if (len == 0) {
					return 0;
				}
				if (!load()) {
					return -1;
				}
				int n = Math.min(len, current.length - position);
				System.arraycopy(current, position, b, off, n);
				position += n;
				return n;
			}

		};
	}

}
