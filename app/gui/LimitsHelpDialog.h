#pragma once

#include <QDialog>

namespace packscope {

class Session;

// Help → Lambda Limits: each limit of the session's profile, written from the
// profile data itself (title, exact bytes, the rule, what AWS prints when it
// is exceeded, the source), and the unzipped budget left for the function
// when layers are attached.
class LimitsHelpDialog : public QDialog
{
    Q_OBJECT
public:
    explicit LimitsHelpDialog(const Session &session, QWidget *parent = nullptr);

    static QString html(const Session &session);
};

} // namespace packscope
