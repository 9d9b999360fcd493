/**
 * The label every veerkracht output carries. The Aedes veerkrachtkaarten are explicitly
 * signalling maps, a starting point for a joint problem analysis with local knowledge
 * (domain.md §2.4, §9 points 7 and 13); a quadrant read as a verdict on a buurt or its
 * residents would be misuse, so the text travels with the figures, not only in a help page.
 */
export const VEERKRACHT_DISCLAIMER_NL =
  'Signaal voor het gesprek, geen diagnose. Deze veerkrachtsignalering zet de verandering in de concentratie van kwetsbare bewoners naast de verandering in overlast en onveiligheid. Zij zegt niets over oorzaken of over individuele bewoners en is een startpunt voor een gezamenlijke analyse met kennis van de buurt.';

export const VEERKRACHT_DISCLAIMER_EN =
  'A signal for a conversation, not a diagnosis. This resilience signal sets the change in the concentration of vulnerable residents beside the change in nuisance and unsafety. It says nothing about causes or about individual residents and is a starting point for a joint analysis with local knowledge.';
