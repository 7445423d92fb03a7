package vn.thidua;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Thi đua: emulation and commendation workflows of a ward Women's Union on Camunda Platform 7. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ThiDuaApplication {

	public static void main(String[] args) {
		SpringApplication.run(ThiDuaApplication.class, args);
	}

}
