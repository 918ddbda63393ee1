#include "templatedocument.h"

namespace coform {

TemplateDocument::TemplateDocument(QObject *parent)
    : QObject(parent)
{}

void TemplateDocument::open(const Template &t, Origin origin, const QString &path)
{
    emit aboutToReplaceTemplate();
    m_template = t;
    m_origin = origin;
    m_path = path;
    emit templateReplaced();
}

void TemplateDocument::close()
{
    emit aboutToReplaceTemplate();
    m_template = Template{};
    m_origin = Origin::None;
    m_path.clear();
    emit templateReplaced();
}

} // namespace coform
