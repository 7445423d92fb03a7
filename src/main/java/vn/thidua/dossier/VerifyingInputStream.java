package vn.thidua.dossier;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Streams stored content while checking its SHA-256 and length against the metadata. It reads one
 * buffer ahead and hands out the last buffer only after the digest matched: a corrupt document
 * reaches the reader truncated, with an {@link IOException}, never complete and wrong.
 */
final class VerifyingInputStream extends FilterInputStream {

	private final String expectedSha256;

	private final long expectedSize;

	private final MessageDigest digest = DossierService.sha256();

	private final byte[] ahead;

	private byte[] ready = new byte[0];

	private int readyLength;

	private int readyPosition;

	private int aheadLength;

	private long total;

	private boolean ended;

	VerifyingInputStream(InputStream in, String expectedSha256, long expectedSize, int bufferSize) {
		super(in);
		this.expectedSha256 = expectedSha256;
		this.expectedSize = expectedSize;
		this.ahead = new byte[bufferSize];
		this.ready = new byte[bufferSize];
	}

	/** Fills the look-ahead buffer; true if it got bytes. */
	private boolean fillAhead() throws IOException {
		aheadLength = 0;
		while (aheadLength < ahead.length) {
			int n = in.read(ahead, aheadLength, ahead.length - aheadLength);
			if (n < 0) {
				break;
			}
			aheadLength += n;
		}
		if (aheadLength > 0) {
			digest.update(ahead, 0, aheadLength);
			total += aheadLength;
		}
		return aheadLength > 0;
	}

	private boolean advance() throws IOException {
		if (ended) {
			return false;
		}
		if (total == 0 && !fillAhead()) {
			verify();
			ended = true;
			return false;
		}
		// hand the look-ahead out; read the next one first, so that the last buffer waits for the check
		byte[] swap = ready;
		ready = ahead.length == swap.length ? swap : new byte[ahead.length];
		System.arraycopy(ahead, 0, ready, 0, aheadLength);
		readyLength = aheadLength;
		readyPosition = 0;
		if (!fillAhead()) {
			verify();
			ended = true;
		}
		return readyLength > 0;
	}

	private void verify() throws IOException {
		String actual = HexFormat.of().formatHex(digest.digest());
		if (total != expectedSize || !actual.equals(expectedSha256)) {
			throw new IOException("Stored document does not match its SHA-256 or size: expected " + expectedSha256
					+ " (" + expectedSize + " bytes), read " + actual + " (" + total + " bytes)");
		}
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		int n = read(one, 0, 1);
		return n < 0 ? -1 : one[0] & 0xff;
	}

	@Override
	public int read(byte[] b, int off, int len) throws IOException {
		if (len == 0) {
			return 0;
		}
		if (readyPosition >= readyLength && !advance()) {
			return -1;
		}
		int n = Math.min(len, readyLength - readyPosition);
		System.arraycopy(ready, readyPosition, b, off, n);
		readyPosition += n;
		return n;
	}

	@Override
	public long skip(long n) throws IOException {
		throw new IOException("skip is not supported");
	}

	@Override
	public boolean markSupported() {
		return false;
	}

}
