/** The detectors' suggestions on the article page: shown there, accepted or dismissed. */
package org.factdesk.detection.web;
