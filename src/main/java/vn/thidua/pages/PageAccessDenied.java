package vn.thidua.pages;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A page the person may not open (403), or a filter value that makes no sense (400), with a Vietnamese message. */
public class PageAccessDenied extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final HttpStatus status;

	public PageAccessDenied(HttpStatus status, String message) {
		super(message);
		this.status = status;
	}

	public HttpStatus status() {
		return status;
	}

}
