package vn.thidua.pages;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of the server-rendered pages: its views get the shared layout's model
 * ({@link PageModelAdvice}: the person, the organisation's name, the form token).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface PageController {

}
