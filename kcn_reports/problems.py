"""Problems found in the inputs, as records (never prints, never exceptions).

Every problem kind has a stable code, a severity, a Vietnamese message template and a hint on
how to fix it, declared once in `CATALOG`. A `Problem` is one occurrence, located by file,
sheet and cell.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Kind:
    severity: str
    message: str  # str.format template over the problem's `params`
    hint: str = ""


CATALOG: dict[str, Kind] = {
    # The file as a whole
    "file-empty": Kind(ERROR, "Tệp rỗng (0 byte).", "Xin doanh nghiệp gửi lại tệp."),
    "file-password": Kind(ERROR, "Tệp có mật khẩu, không đọc được.",
                          "Xin doanh nghiệp gỡ mật khẩu (File > Info > Protect Workbook) rồi gửi lại."),
    "file-corrupt": Kind(ERROR, "Tệp bị hỏng hoặc không phải tệp Excel hợp lệ: {detail}.",
                         "Mở thử bằng Excel; nếu không mở được, xin doanh nghiệp gửi lại."),
    "file-not-spreadsheet": Kind(ERROR, "Tệp có đuôi {ext} nhưng nội dung là {actual}, không phải bảng tính Excel.",
                                 "Xin doanh nghiệp lưu lại đúng định dạng Excel (.xlsx) theo mẫu."),
    "file-too-large": Kind(ERROR, "Tệp quá lớn khi giải nén ({size} MB, giới hạn {limit} MB); không đọc để tránh treo máy.",
                           "Kiểm tra tệp; mẫu báo cáo bình thường chỉ vài chục KB."),
    "file-too-old": Kind(ERROR, "Tệp Excel đời cũ (Excel 2.x–4.0, trước năm 1993), chương trình không đọc được.",
                         "Mở bằng Excel và lưu lại dạng .xlsx."),
    "grid-too-large": Kind(ERROR, "Trang tính quá lớn ({cells} ô, giới hạn {limit} ô); không đọc để tránh treo máy.",
                           "Xóa các dòng/cột thừa ở cuối trang tính rồi lưu lại."),
    "file-unsafe": Kind(ERROR, "Tệp chứa nội dung không an toàn ({detail}); không đọc.",
                        "Xin doanh nghiệp lập lại báo cáo trên mẫu gốc."),
    "file-unreadable": Kind(ERROR, "Không mở được tệp: {detail}.", "Kiểm tra quyền truy cập hoặc đóng tệp đang mở trong Excel."),
    "file-crashed": Kind(ERROR, "Tệp làm trình đọc Excel dừng đột ngột (tệp hỏng hoặc cố ý gây hại); không đọc.",
                         "Mở thử bằng Excel; xin doanh nghiệp lập lại báo cáo trên mẫu gốc."),
    "file-timeout": Kind(ERROR, "Đọc tệp quá {limit} giây nên đã dừng (tệp quá lớn hoặc hỏng).",
                         "Mở thử bằng Excel và lưu lại; nếu tệp đúng là lớn, tăng max_seconds_per_file trong kcn_reports.toml."),
    "internal-error": Kind(ERROR, "Lỗi của chương trình khi đọc tệp này: {detail}.",
                           "Báo cho người phát triển kèm tệp này; các tệp khác vẫn được xử lý."),
    "sheet-unreadable": Kind(WARNING, "Không đọc được trang tính: {detail}.",
                             "Trang này được bỏ qua; nếu báo cáo nằm ở đây, xin lưu lại tệp."),
    "not-a-report": Kind(WARNING, "Tệp không phải mẫu báo cáo của doanh nghiệp (không thấy bảng các chỉ tiêu của Mẫu số 01/DN-KCN: lao động, tổ chức đảng, công đoàn…) và không phải Sổ theo dõi.",
                         "Nếu đây là báo cáo, xin doanh nghiệp dùng đúng Mẫu số 01/DN-KCN."),
    "legacy-font": Kind(WARNING, "Chữ được gõ bằng phông cũ {encoding} (ví dụ \"{sample}\"); đã tự chuyển sang Unicode, cần kiểm tra lại.",
                        "Đề nghị doanh nghiệp gõ chữ Unicode (phông Times New Roman)."),
    "form-version-unknown": Kind(WARNING, "Tệp ghi phiên bản mẫu {version}, khác phiên bản đang dùng {current}.",
                                 "Gửi cho doanh nghiệp mẫu mới (lệnh kcn-reports form)."),
    "form-zones-outdated": Kind(WARNING, "Báo cáo lập trên mẫu có danh sách KCN khác cài đặt hiện nay (mẫu: {old}; hiện nay: {current}).",
                                "Gửi doanh nghiệp mẫu mới (lệnh kcn-reports form) và kiểm tra lại KCN doanh nghiệp đã chọn."),
    "other-period-sheet": Kind(WARNING, "Sheet «{other}» cũng là báo cáo của doanh nghiệp này ({other_period}); chỉ đọc sheet «{read}», kỳ mới nhất.",
                               "Nếu sheet kia mới là báo cáo cần nộp, xin doanh nghiệp gửi riêng tệp của kỳ đó."),
    "several-enterprises": Kind(WARNING, "Sheet «{other}» là báo cáo của doanh nghiệp khác ({other_name}, MST {other_tax}, {other_period}); mỗi tệp chỉ đọc một báo cáo, đã đọc sheet «{read}».",
                                "Tách sheet đó ra một tệp riêng (chuột phải vào tên sheet > Move or Copy > (new book)), lưu vào thư mục inputs rồi chạy lại."),
    # One value
    "required-missing": Kind(ERROR, "Thiếu \"{label}\" (bắt buộc).", "Điền giá trị vào ô này."),
    "label-not-recognised": Kind(ERROR, "Không tìm thấy \"{label}\" (bắt buộc): dòng {row} có «{value}» nhưng không nhận ra là \"{label}\".",
                                 "Sửa nhãn ở ô này cho đúng như mẫu (đúng tên dòng, sau đó dấu hai chấm và giá trị) rồi gửi lại."),
    "number-style-english": Kind(WARNING, "Báo cáo viết số kiểu dấu phẩy ngăn cách hàng nghìn, dấu chấm thập phân (ví dụ «{value}»); đã đọc mọi số theo kiểu đó.",
                                 "Kiểm tra lại các số; đề nghị doanh nghiệp viết theo kiểu Việt Nam (1.234,5)."),
    "row-not-recognised": Kind(WARNING, "Dòng {row} có «{value}» nhưng không nhận ra là chỉ tiêu \"{label}\"; chỉ tiêu này được coi là không ghi.",
                               "Nếu đúng là chỉ tiêu này, sửa tên dòng cho đúng như mẫu (hoặc ghi mã số) rồi gửi lại."),
    "value-column-ambiguous": Kind(ERROR, "Bảng chỉ tiêu có nhiều cột số liệu: {columns}; không biết cột nào là số liệu của kỳ báo cáo ({period}).",
                                   "Ghi rõ tiêu đề cột số liệu của kỳ này (ví dụ \"Số liệu năm 2016\" hoặc \"Thực hiện\"), hoặc xóa các cột số liệu khác rồi gửi lại."),
    "field-not-found": Kind(ERROR, "Không tìm thấy dòng \"{label}\" trong báo cáo.",
                            "Dùng đúng mẫu; không xóa dòng chỉ tiêu bắt buộc."),
    "number-became-date": Kind(ERROR, "\"{label}\": ô là ngày {shown}, không phải số (Excel tự đổi số như 8.5 thành ngày khi ô không được định dạng là số).",
                               "Định dạng ô là Number (Số) rồi gõ lại con số."),
    "value-not-applicable": Kind(WARNING, "\"{label}\": ghi \"{value}\" (không có số liệu, không áp dụng); được để trống, không tính là 0.",
                                 "Nếu doanh nghiệp có số liệu này, xin ghi con số; nếu bằng 0, ghi 0."),
    "share-not-a-number": Kind(ERROR, "\"{label}\": ghi tỷ lệ phần trăm \"{value}\", cần ghi con số theo đơn vị tính của dòng.",
                               "Ghi con số (người, triệu đồng…), không ghi phần trăm."),
    "not-a-number": Kind(ERROR, "\"{label}\": không đọc được số từ \"{value}\".",
                         "Chỉ ghi con số, ví dụ 1.234 hoặc 1.234,5."),
    "ambiguous-number": Kind(WARNING, "\"{label}\": \"{value}\" được hiểu là {parsed} (dấu phẩy là dấu thập phân).",
                             "Viết số theo kiểu Việt Nam: dấu chấm ngăn cách hàng nghìn, dấu phẩy thập phân."),
    "not-an-integer": Kind(ERROR, "\"{label}\": phải là số nguyên, nhận được \"{value}\".", "Ghi số nguyên, ví dụ 125."),
    "negative": Kind(ERROR, "\"{label}\": không được âm (\"{value}\").", "Kiểm tra lại số liệu."),
    "not-yes-no": Kind(ERROR, "\"{label}\": cần ghi \"Có\" hoặc \"Không\", nhận được \"{value}\".",
                       "Chọn Có hoặc Không trong danh sách."),
    "not-a-date": Kind(ERROR, "\"{label}\": không đọc được ngày từ \"{value}\".",
                       "Ghi ngày theo dạng ngày/tháng/năm, ví dụ 05/03/2015."),
    "bad-tax-code": Kind(ERROR, "Mã số thuế \"{value}\" không đúng dạng (10 chữ số, hoặc 10 chữ số-3 chữ số).",
                         "Ghi đủ 10 chữ số, giữ số 0 ở đầu; định dạng ô là Text."),
    "tax-code-padded": Kind(WARNING, "Mã số thuế được nhập dạng số nên mất số 0 ở đầu; đã hiểu là {parsed}.",
                            "Định dạng ô Mã số thuế là Text để giữ số 0 ở đầu."),
    "unknown-zone": Kind(ERROR, "Khu công nghiệp \"{value}\" không có trong danh sách ({known}).",
                         "Chọn tên KCN trong danh sách, hoặc bổ sung tên gọi khác vào kcn_reports.toml."),
    "unknown-ownership": Kind(ERROR, "Loại hình doanh nghiệp \"{value}\" không rõ.",
                              "Chọn \"Doanh nghiệp có vốn đầu tư nước ngoài (FDI)\" hoặc \"Doanh nghiệp trong nước\"."),
    "bad-period": Kind(ERROR, "Kỳ báo cáo \"{value}\" không đúng dạng.",
                       "Ghi \"6 tháng đầu năm 2016\" hoặc \"Năm 2016\"."),
    "formula-no-value": Kind(ERROR, "\"{label}\": ô chứa công thức nhưng không có giá trị đã tính (tệp được tạo bởi phần mềm không tính công thức).",
                             "Mở tệp bằng Excel, bấm Lưu rồi gửi lại; hoặc ghi số trực tiếp."),
    "cell-error": Kind(ERROR, "\"{label}\": ô có lỗi công thức {value}.", "Sửa công thức trong ô."),
    "duplicate-row": Kind(WARNING, "Chỉ tiêu \"{label}\" xuất hiện nhiều lần; dùng dòng đầu tiên ({first}).",
                          "Xóa dòng trùng."),
    "codes-renumbered": Kind(WARNING, "Cột \"Mã số\" có vẻ đã bị đánh số lại: {rows} dòng có mã số không khớp với tên chỉ tiêu (dòng đầu tiên ghi mã số {value}); đã đọc các dòng đó theo tên chỉ tiêu.",
                             "Đề nghị doanh nghiệp giữ nguyên cột Mã số như mẫu, không đánh số lại khi xóa hoặc thêm dòng."),
    "code-label-mismatch": Kind(WARNING, "Dòng mã số {row_code} ghi \"{value}\", giống chỉ tiêu \"{other}\" hơn; vẫn hiểu theo mã số là \"{label}\".",
                                "Kiểm tra lại mã số và tên chỉ tiêu."),
    "period-from-title": Kind(WARNING, "Không thấy dòng \"Kỳ báo cáo\"; đã hiểu kỳ báo cáo là {parsed} theo «{value}».",
                              "Đề nghị doanh nghiệp ghi thêm dòng \"Kỳ báo cáo: …\" như mẫu."),
    "date-month-only": Kind(WARNING, "\"{label}\": chỉ ghi tháng/năm (\"{value}\"); đã hiểu là ngày {parsed}.",
                            "Ghi đủ ngày/tháng/năm nếu biết ngày chính xác."),
    "unit-converted": Kind(WARNING, "\"{label}\": ghi theo đơn vị «{unit}», mẫu dùng «{form_unit}»; đã đổi {value} {unit} thành {parsed} {form_unit}.",
                           "Kiểm tra lại; lần sau xin ghi số theo đơn vị của mẫu."),
    "value-with-text": Kind(WARNING, "\"{label}\": đã bỏ chữ kèm theo số (\"{value}\" → {parsed}).",
                            "Chỉ ghi con số trong ô Số liệu."),
    # Several fields of one return (rules.py)
    "exceeds-total": Kind(ERROR, "\"{label}\" ({value}) lớn hơn \"{other_label}\" ({other}).",
                          "Số của dòng \"Trong đó\" không thể lớn hơn tổng; kiểm tra lại hai ô."),
    "union-members-without-union": Kind(ERROR, "Báo cáo chưa có công đoàn cơ sở (mã số 14 = Không) nhưng ghi {value} đoàn viên công đoàn.",
                                        "Sửa mã số 14 thành Có, hoặc để mã số 16 bằng 0."),
    "union-date-without-union": Kind(ERROR, "Báo cáo chưa có công đoàn cơ sở (mã số 14 = Không) nhưng ghi ngày thành lập {value}.",
                                     "Sửa mã số 14 thành Có, hoặc xóa ngày ở mã số 15."),
    "union-date-missing": Kind(ERROR, "Đã có công đoàn cơ sở (mã số 14 = Có) nhưng thiếu ngày thành lập (mã số 15).",
                               "Ghi ngày thành lập công đoàn cơ sở, dạng ngày/tháng/năm."),
    "union-date-after-period": Kind(ERROR, "Ngày thành lập công đoàn cơ sở {value} sau ngày cuối kỳ báo cáo ({end}).",
                                    "Kiểm tra lại ngày (ngày/tháng/năm) hoặc kỳ báo cáo."),
    "youth-members-without-youth-union": Kind(ERROR, "Chưa có tổ chức Đoàn (mã số 17 = Không) nhưng ghi {value} đoàn viên thanh niên.",
                                              "Sửa mã số 17 thành Có, hoặc để mã số 18 bằng 0."),
    "investor-country-missing": Kind(ERROR, "Doanh nghiệp FDI nhưng thiếu quốc gia/vùng lãnh thổ của nhà đầu tư.",
                                     "Ghi quốc gia của nhà đầu tư, ví dụ Hàn Quốc."),
    "party-org-too-small": Kind(WARNING, "Có tổ chức đảng nhưng chỉ có {value} đảng viên (chi bộ cần ít nhất 3 đảng viên).",
                                "Kiểm tra mã số 09 và 10; đảng viên có thể đang sinh hoạt ghép ở chi bộ khác."),
    "party-members-without-org": Kind(ERROR, "Ghi {value} đảng viên chưa chuyển sinh hoạt nhưng tổng số đảng viên là 0.",
                                      "Kiểm tra lại mã số 10 và 11."),
    "period-year-unlikely": Kind(ERROR, "Kỳ báo cáo năm {value} không hợp lý (trước {earliest} hoặc sau năm nay).",
                                 "Kiểm tra lại năm của kỳ báo cáo."),
    "prepared-before-period": Kind(WARNING, "Ngày lập {value} trước khi kỳ báo cáo bắt đầu.",
                                   "Kiểm tra lại ngày lập hoặc kỳ báo cáo."),
    "prepared-in-future": Kind(WARNING, "Ngày lập {value} ở tương lai.", "Kiểm tra lại ngày lập."),
    # Across files
    "outlier": Kind(WARNING, "\"{label}\" thay đổi {change} so với kỳ trước ({previous_period}: {previous} → {period}: {value}).",
                    "Xác nhận lại với doanh nghiệp nếu số liệu không đúng."),
    "unknown-enterprise": Kind(WARNING, "Mã số thuế {value} chưa có trong danh sách doanh nghiệp (sheet Doanh nghiệp của Sổ theo dõi): doanh nghiệp mới?",
                               "Bổ sung doanh nghiệp vào Sổ theo dõi nếu đúng là doanh nghiệp mới."),
    "matched-by-name": Kind(WARNING, "{reason}; theo tên doanh nghiệp, đây là báo cáo của {matched}.",
                            "Nếu đúng thì không cần làm gì; nếu sai, sửa tên hoặc mã số thuế trong báo cáo."),
    "enterprise-unidentified": Kind(WARNING, "Không đọc được mã số thuế và không nhận ra doanh nghiệp theo tên \"{value}\" ({why}), nên không biết tệp này của doanh nghiệp nào, đã được gửi lại hay chưa.",
                                    "Liên hệ doanh nghiệp gửi tệp này; khi đã có bản sửa, có thể chuyển tệp này ra khỏi thư mục inputs."),
    "zone-not-in-settings": Kind(WARNING, "Khu công nghiệp «{value}» có trong {count} tệp ({files}) nhưng không có trong danh sách KCN của kcn_reports.toml: các doanh nghiệp ở KCN này không được tính, kể cả trong tỷ lệ gửi báo cáo.",
                                 "Nếu KCN này vẫn thuộc đơn vị (kể cả khi đổi tên), thêm lại vào mục [[zones]], có thể ghi tên cũ vào aliases."),
    "differs-from-ledger": Kind(WARNING, "Báo cáo ghi {what} \"{value}\", Sổ theo dõi ({ledger}) ghi \"{kept}\": các bảng theo {what} tính theo báo cáo, tỷ lệ gửi báo cáo tính theo Sổ theo dõi.",
                                "Hỏi lại doanh nghiệp rồi sửa cho thống nhất (báo cáo hoặc sheet Doanh nghiệp của Sổ theo dõi)."),
    "ledger-missing": Kind(WARNING, "Không có Sổ theo dõi trong thư mục đầu vào: không tính được tỷ lệ nộp báo cáo và số liệu chi bộ, đảng viên.",
                           "Đặt tệp Sổ theo dõi (tạo bằng kcn-reports init) vào thư mục inputs."),
    "ledger-duplicate": Kind(WARNING, "Có nhiều Sổ theo dõi; dùng tệp mới nhất {used}.",
                             "Chỉ để một Sổ theo dõi trong thư mục inputs."),
    # The Sổ theo dõi. A missing sheet or column costs that sheet (an error); a value that
    # cannot be read costs its row, or only itself in an optional column (warnings: the rest
    # of the workbook is used).
    "ledger-sheet-missing": Kind(ERROR, "Sổ theo dõi thiếu sheet \"{sheet_name}\"; các số liệu lấy từ sheet này bị bỏ trống.",
                                 "Thêm sheet theo mẫu (kcn-reports init tạo sổ trống)."),
    "ledger-column-missing": Kind(ERROR, "Sheet \"{sheet_name}\" thiếu cột \"{column}\" (các cột đang có: {seen}); sheet này không được dùng.",
                                  "Đổi tên cột tương ứng thành đúng tên trên, hoặc thêm cột đó ở dòng tiêu đề."),
    "ledger-no-cells": Kind(WARNING, "Sheet \"{sheet_name}\" của Sổ theo dõi chưa ghi chi bộ nào: báo cáo chưa có số chi bộ, đảng viên (chỉ ghi là chưa có số liệu).",
                            "Ghi các chi bộ trực thuộc (tên, loại, ngày thành lập, số đảng viên) vào sheet này."),
    "ledger-sheet-ignored": Kind(WARNING, "Sheet \"{sheet_name}\" trùng nội dung với sheet \"{used}\" của Sổ theo dõi; chỉ dùng sheet \"{used}\", sheet này không được đọc.",
                                 "Gộp hai sheet làm một, hoặc đổi tên sheet không dùng nữa (ví dụ thêm chữ \"cũ\")."),
    "ledger-formula-no-value": Kind(WARNING, "Cột \"{column}\": ô có công thức nhưng chưa có kết quả (tệp được lưu bằng chương trình không tính công thức), nên chưa biết số này (không tính là 0).",
                                    "Mở tệp bằng Excel rồi lưu lại (Excel tính công thức khi lưu), hoặc ghi thẳng con số."),
    "ledger-value": Kind(WARNING, "Cột \"{column}\": {detail}, giá trị nhận được \"{value}\"; ô này không được dùng.", "Sửa giá trị trong ô."),
    "ledger-required": Kind(WARNING, "Cột \"{column}\" bỏ trống (bắt buộc phải ghi).", "Điền giá trị vào ô."),
    "ledger-unknown-type": Kind(WARNING, "Cột \"{column}\": \"{value}\" không thuộc danh sách ({known}).",
                                "Chọn giá trị trong danh sách thả xuống."),
    "ledger-ambiguous-type": Kind(WARNING, "Cột \"{column}\": không rõ \"{value}\" là {options}.",
                                  "Ghi rõ một giá trị trong danh sách thả xuống."),
    "ledger-row-skipped": Kind(WARNING, "Sheet \"{sheet_name}\", dòng {row} bị bỏ qua, không được tính vào số liệu: {reason}.",
                               "Sửa các ô được nêu; các dòng khác của Sổ theo dõi vẫn được dùng."),
    "ledger-cell-left-out": Kind(WARNING, "Chi bộ \"{value}\" bị bỏ qua ở sheet \"{sheet_name}\" (dòng {row}), nên {count} dòng biến động của chi bộ này cũng không được tính.",
                                 "Sửa dòng của chi bộ ở sheet Chi bộ; các biến động của chi bộ sẽ được tính lại."),
    "ledger-cell-matched": Kind(WARNING, "Chi bộ \"{value}\" được hiểu là \"{name}\" của sheet Chi bộ ({how}).",
                                "Nếu đúng, lần sau ghi tên chi bộ như ở sheet Chi bộ; nếu sai, sửa tên ở ô này."),
    "ledger-unknown-cell": Kind(WARNING, "Chi bộ \"{value}\" không có trong sheet Chi bộ.",
                                "Ghi đúng tên chi bộ như trong sheet Chi bộ."),
    "ledger-date-out-of-range": Kind(WARNING, "Ngày {value} nằm ngoài khoảng hợp lý ({low}–{high}).",
                                     "Kiểm tra lại ngày (ngày/tháng/năm)."),
    "ledger-unknown-tax-code": Kind(WARNING, "Mã số thuế {value} không có trong sheet Doanh nghiệp.",
                                    "Bổ sung doanh nghiệp vào sheet Doanh nghiệp hoặc sửa mã số thuế."),
    "ledger-dissolved-before-founded": Kind(WARNING, "Ngày giải thể {value} trước ngày thành lập {founded}.",
                                            "Kiểm tra lại hai ngày."),
    "members-mismatch": Kind(WARNING, "Số đảng viên không khớp: {what}: đầu kỳ {start} + tăng {increase} − giảm {decrease} = {expected}, nhưng sổ ghi {value}.",
                             "Đối chiếu sheet Biến động đảng viên với cột Số đảng viên của sheet Chi bộ."),
    "baseline-mismatch": Kind(WARNING, "Mốc ban đầu ngày {date} (mục [baseline] của kcn_reports.toml) ghi {declared} {what}, nhưng Sổ theo dõi cho {value} {what} tại ngày đó (tính từ cột Số đảng viên và các biến động đã ghi); báo cáo dùng {used} theo {source}.",
                              "Sửa mục [baseline] trong kcn_reports.toml cho đúng, hoặc bổ sung các biến động còn thiếu vào sheet Biến động đảng viên."),
    "cell-dissolved-with-members": Kind(WARNING, "Chi bộ \"{cell_name}\" giải thể ngày {date} nhưng theo Sổ theo dõi vẫn còn {value} đảng viên ({late} dòng biến động ghi sau ngày giải thể).",
                                        "Ghi biến động Chuyển đi (hoặc loại khác) cho các đảng viên của chi bộ khi giải thể, hoặc sửa ngày giải thể."),
    "cell-but-no-party-org": Kind(WARNING, "Chi bộ \"{cell_name}\" gắn với doanh nghiệp {value}, nhưng báo cáo của doanh nghiệp ({relpath}) ghi không có tổ chức đảng.",
                                  "Đối chiếu với doanh nghiệp: sửa báo cáo hoặc Sổ theo dõi."),
}


@dataclass(frozen=True)
class Problem:
    """One problem, located as precisely as the input allows."""

    code: str
    severity: str
    message: str
    file: str = ""
    sheet: str = ""
    cell: str = ""
    field: str = ""
    value: str = ""
    hint: str = ""

    def to_dict(self) -> dict[str, Any]:
        # Not dataclasses.asdict, which deep-copies field by field: this runs for every
        # problem of every file in `check --json`.
        return {"code": self.code, "severity": self.severity, "message": self.message,
                "file": self.file, "sheet": self.sheet, "cell": self.cell, "field": self.field,
                "value": self.value, "hint": self.hint}


def problem(code: str, *, file: str = "", sheet: str = "", cell: str = "", field: str = "",
            value: Any = "", **params: Any) -> Problem:
    """Build a Problem from the catalog; `params` fill the message template."""
    kind = CATALOG[code]
    shown = "" if value is None else str(value)
    message = kind.message.format(value=shown, **params)
    return Problem(code=code, severity=kind.severity, message=message, file=file, sheet=sheet,
                   cell=cell, field=field, value=shown, hint=kind.hint)


def has_errors(problems: list[Problem]) -> bool:
    return any(p.severity == ERROR for p in problems)
