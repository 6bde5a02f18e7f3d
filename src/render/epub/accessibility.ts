// Accessibility metadata (schema.org, EPUB Accessibility 1.1), stated from what the book holds and
// claims only what was checked: "visual" and "alternativeText" only with informative images, each of
// which has a text alternative; `alt=""` marks a decorative image (decided, not missing); a WCAG
// conformance claim only when a checker passed the book (`conformance`), naming that checker.
import type { Element } from 'hast';
import { visit } from 'unist-util-visit';
import type { ContentDocument } from './documents.js';

export interface AccessibilityFacts {
  /** Informative images: with a text alternative, or with none decided. */
  images: number;
  /** Images with no alt attribute at all: nobody decided what they say. */
  imagesWithoutAlt: number;
  /** Images marked decorative (alt=""). */
  decorativeImages: number;
  pageList: boolean;
}

/** A checker's verdict that the book meets the standard it names. */
export interface ConformanceCheck {
  /** "EPUB Accessibility 1.1 - WCAG 2.1 Level AA" */
  standard: string;
  /** Who checked: "DAISY Ace 1.4.6". */
  checker: string;
}

export interface AccessibilityMetadata {
  modes: string[];
  sufficient: string[];
  features: string[];
  hazards: string[];
  /** Facts for the summary sentence (templates/epub/content.opf.ejs words it per language). */
  facts: AccessibilityFacts;
  conformsTo?: string;
  certifiedBy?: string;
}

export function accessibilityFacts(documents: ContentDocument[], pageList: boolean): AccessibilityFacts {
  const facts: AccessibilityFacts = { images: 0, imagesWithoutAlt: 0, decorativeImages: 0, pageList };
  for (const document of documents) {
    visit(document.tree, 'element', (node: Element) => {
      if (node.tagName !== 'img') return;
      const alt = node.properties.alt;
      if (typeof alt !== 'string') {
        facts.images++;
        facts.imagesWithoutAlt++;
      } else if (alt.trim() === '') facts.decorativeImages++;
      else facts.images++;
    });
  }
  return facts;
}

export function accessibilityMetadata(facts: AccessibilityFacts, conformance?: ConformanceCheck): AccessibilityMetadata {
  const visual = facts.images > 0;
  const allDescribed = facts.imagesWithoutAlt === 0;
  const features = ['structuralNavigation', 'tableOfContents', 'readingOrder', 'displayTransformability'];
  if (visual && allDescribed) features.push('alternativeText');
  // Page-break markers from the print edition, and the navigation's page list of them.
  if (facts.pageList) features.push('pageBreakMarkers', 'pageNavigation', 'printPageNumbers');
  return {
    modes: visual ? ['textual', 'visual'] : ['textual'],
    sufficient: visual ? (allDescribed ? ['textual', 'textual,visual'] : ['textual,visual']) : ['textual'],
    features,
    // Text and still images: nothing flashes, moves or sounds.
    hazards: ['none'],
    facts,
    ...(conformance && allDescribed ? { conformsTo: conformance.standard, certifiedBy: conformance.checker } : {}),
  };
}
