package app.plugboard.integration.calendar;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * WebDAV multistatus answers, read safely (OWASP XXE prevention): a document type declaration is refused
 * outright, so no entity, internal or external, is ever expanded and nothing is fetched or read from
 * disk; external DTDs and schemas are off too, XInclude is off, and secure processing bounds what is left.
 */
final class DavXml {

    static final String DAV = "DAV:";
    static final String CALDAV = "urn:ietf:params:xml:ns:caldav";
    static final String APPLE = "http://apple.com/ns/ical/";

    /** One {@code <response>}: its href and the properties the server found (status 200). */
    record Response(String href, Map<String, Element> properties) {

        @Nullable Element property(String namespace, String name) {
            return properties.get(namespace + name);
        }

        /** The text of a property, such as the display name. */
        @Nullable String text(String namespace, String name) {
            Element property = property(namespace, name);
            if (property == null) {
                return null;
            }
            String text = property.getTextContent();
            return text == null || text.isBlank() ? null : text.strip();
        }

        /** The href inside a property, such as current-user-principal. */
        @Nullable String href(String namespace, String name) {
            Element property = property(namespace, name);
            if (property == null) {
                return null;
            }
            NodeList hrefs = property.getElementsByTagNameNS(DAV, "href");
            return hrefs.getLength() == 0 ? null : hrefs.item(0).getTextContent().strip();
        }

        /** Whether a property holds an element, such as {@code <resourcetype><C:calendar/>}. */
        boolean holds(String namespace, String name, String childNamespace, String child) {
            Element property = property(namespace, name);
            return property != null && property.getElementsByTagNameNS(childNamespace, child).getLength() > 0;
        }

        /** The components a calendar takes (VEVENT, VTODO), empty when the server does not say. */
        List<String> components() {
            Element property = property(CALDAV, "supported-calendar-component-set");
            List<String> components = new ArrayList<>();
            if (property != null) {
                NodeList comps = property.getElementsByTagNameNS(CALDAV, "comp");
                for (int i = 0; i < comps.getLength(); i++) {
                    components.add(((Element) comps.item(i)).getAttribute("name"));
                }
            }
            return components;
        }
    }

    /** The XML was refused or is no multistatus. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private DavXml() {
    }

    static List<Response> multistatus(byte[] body) throws Unreadable {
        Document document = parse(body);
        Element root = document.getDocumentElement();
        if (!DAV.equals(root.getNamespaceURI()) || !"multistatus".equals(root.getLocalName())) {
            throw new Unreadable("not a WebDAV multistatus");
        }
        List<Response> responses = new ArrayList<>();
        for (Element response : children(root, DAV, "response")) {
            Element href = first(response, DAV, "href");
            if (href == null) {
                continue;
            }
            Map<String, Element> properties = new HashMap<>();
            for (Element propstat : children(response, DAV, "propstat")) {
                Element status = first(propstat, DAV, "status");
                if (status != null && !status.getTextContent().contains(" 200")) {
                    continue;
                }
                Element prop = first(propstat, DAV, "prop");
                if (prop != null) {
                    for (Node node = prop.getFirstChild(); node != null; node = node.getNextSibling()) {
                        if (node instanceof Element property) {
                            properties.put(property.getNamespaceURI() + property.getLocalName(), property);
                        }
                    }
                }
            }
            responses.add(new Response(href.getTextContent().strip(), properties));
        }
        return responses;
    }

    static Document parse(byte[] body) throws Unreadable {
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(SILENT);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity refused");
            });
            return builder.parse(new ByteArrayInputStream(body));
        } catch (SAXException e) {
            throw new Unreadable(e.getMessage() != null && e.getMessage().contains("DOCTYPE")
                    ? "it declares a document type (DOCTYPE), which Plugboard refuses" : "it is not well-formed XML");
        } catch (IOException | ParserConfigurationException e) {
            throw new Unreadable("it could not be read");
        }
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }

    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException exception) {
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    };

    static List<Element> children(Element parent, String namespace, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && namespace.equals(element.getNamespaceURI()) && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    static @Nullable Element first(Element parent, String namespace, String name) {
        List<Element> found = children(parent, namespace, name);
        return found.isEmpty() ? null : found.get(0);
    }
}
